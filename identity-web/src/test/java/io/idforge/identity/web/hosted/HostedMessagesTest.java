package io.idforge.identity.web.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.api.reasons.ReasonKind;
import io.idforge.identity.core.application.HostedFlowService;
import io.idforge.identity.core.application.steps.DocumentStepHandler;
import io.idforge.identity.core.application.steps.FaceStepHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The hosted flow's texts: the same keys in es, pt and en, and a text for every reason it shows. */
class HostedMessagesTest {

  /** Every code the flow can put on screen: engine notices, decline reasons, its own notices. */
  static final List<String> SHOWN =
      List.of(
          // one-time codes
          HostedFlowService.CODE_SENT, HostedFlowService.CODE_EXPIRED, HostedFlowService.CHANNEL_UNAVAILABLE,
          "wrong_verification_code", "max_retries_reached",
          // uploads and documents
          "blurry_image", "empty_input_file", "invalid_image_format", "invalid_or_corrupted_image_file",
          "document_not_recognized", "reverse_document_not_found", "document_has_expired", "underage",
          "age_above_threshold", "invalid_document_number", "invalid_curp", "invalid_mrz", "invalid_issue_date",
          "missing_document_number", "missing_names", "missing_gender", "missing_date_of_birth",
          "missing_expiration_date", "data_inconsistency", "data_not_match_with_government_database",
          "document_unregistered", "government_database_unavailable", DocumentStepHandler.EXTRACTION_OFF,
          // faces
          "no_face_detected", "face_not_detected", "similarity_threshold_not_passed", "no_reference_portrait",
          FaceStepHandler.FACE_MATCHING_OFF,
          // process
          "canceled", "system_error",
          // the page's own notices
          "invalid_phone", "invalid_email", "invalid_code_format", "file_too_large", "upload_failed",
          "request_refused", "file_required", "code_cooldown", "code_limit_reached", "unknown");

  static Properties load(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = HostedMessagesTest.class.getResourceAsStream("messages" + suffix + ".properties")) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void theThreeLanguagesHaveTheSameKeysAndTheBaseIsSpanish() throws IOException {
    Properties es = load("_es");
    for (String lang : List.of("_pt", "_en", "")) {
      Properties other = load(lang);
      assertEquals(new TreeSet<>(es.stringPropertyNames()), new TreeSet<>(other.stringPropertyNames()), "keys of messages" + lang);
    }
    assertEquals(es, load(""), "the base bundle is the Spanish one");
  }

  @Test
  void everyReasonTheFlowShowsAndEveryCancelReasonHasAText() throws IOException {
    List<String> codes = new ArrayList<>(SHOWN);
    codes.addAll(ReasonCatalogue.standard().codes(ReasonKind.CANCELED));
    for (String lang : List.of("_es", "_pt", "_en")) {
      Set<String> keys = load(lang).stringPropertyNames();
      List<String> missing = codes.stream().filter(c -> !keys.contains("reason." + c)).toList();
      assertTrue(missing.isEmpty(), () -> "messages" + lang + " lacks reason." + missing);
    }
  }

  @Test
  void theBundleLoadsPerLocaleAsUtf8() {
    assertEquals("Paso {0} de {1}", ResourceBundle.getBundle(HostedPages.BUNDLE, Locale.forLanguageTag("es")).getString("progress"));
    assertEquals("Passo {0} de {1}", ResourceBundle.getBundle(HostedPages.BUNDLE, Locale.forLanguageTag("pt")).getString("progress"));
    assertEquals("Step {0} of {1}", ResourceBundle.getBundle(HostedPages.BUNDLE, Locale.forLanguageTag("en")).getString("progress"));
    assertEquals("Validación de identidad", ResourceBundle.getBundle(HostedPages.BUNDLE, Locale.forLanguageTag("es")).getString("title"));
  }

  @Test
  void presetDestinationsAreMasked() {
    assertEquals("a•••@example.com", HostedFlowBacking.mask("ana.maria@example.com"));
    assertEquals("+57••••••4567", HostedFlowBacking.mask("+573101234567"));
    assertEquals(null, HostedFlowBacking.mask(null));
  }

  @Test
  void theLanguageIsTheParameterElseTheBrowsersElseSpanish() {
    List<String> setCookies = new java.util.ArrayList<>();
    HostedSession s = session(null, setCookies);
    assertEquals("es", s.locale(List.of()).getLanguage());
    assertEquals("pt", s.locale(List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("pt-BR"))).getLanguage());
    s.chooseLanguage("de");
    assertEquals("en", s.locale(List.of(Locale.forLanguageTag("en-US"))).getLanguage());
    assertEquals(List.of(), setCookies, "an unsupported language changes nothing");
    s.chooseLanguage("pt");
    assertEquals("pt", s.locale(List.of(Locale.forLanguageTag("en-US"))).getLanguage());
    // The choice travels in the sealed cookie: the next request, on any node, reads it back.
    assertEquals(1, setCookies.size());
    String cookie = setCookies.get(0).split(";", 2)[0].substring(HostedStateCookie.NAME.length() + 1);
    assertEquals("pt", session(cookie, new java.util.ArrayList<>()).locale(List.of(Locale.forLanguageTag("en-US"))).getLanguage());
  }

  /** A request-scoped session over a request carrying {@code cookie} (or none); Set-Cookie headers go to {@code out}. */
  private static HostedSession session(String cookie, List<String> out) {
    HostedSession s = new HostedSession();
    s.cookie = HostedStateCookieTest.node(HostedStateCookieTest.K1, java.time.Instant.now());
    s.request = proxy(jakarta.servlet.http.HttpServletRequest.class, (m, args) -> switch (m) {
      case "getCookies" -> cookie == null ? null : new jakarta.servlet.http.Cookie[] {
          new jakarta.servlet.http.Cookie(HostedStateCookie.NAME, cookie)};
      case "getContextPath" -> "";
      default -> null;
    });
    s.respondWith(proxy(jakarta.servlet.http.HttpServletResponse.class, (m, args) -> {
      if (m.equals("addHeader") && "Set-Cookie".equals(args[0])) {
        out.add((String) args[1]);
      }
      return null;
    }));
    return s;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
    return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (p, method, args) -> answer.apply(method.getName(), args));
  }
}
