package io.idforge.identity.web.hosted;

import io.idforge.identity.core.application.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosted flow's session, kept by the browser: which web token's process it works on (public
 * ids only, never the token itself), the user's language, the notice to show once after a
 * redirect, who may frame the pages, the event format, the desktop's hand-off link and the form
 * token. Nothing stays on the server between requests: this request-scoped view reads
 * {@link HostedState} from the sealed cookie ({@link HostedStateCookie}) and sends it again when
 * it changes, so any node can serve the next request. Bound by {@link HostedEntryServlet} after
 * the token was verified (and by {@link HandoffEntryServlet} on the phone), so flow pages carry
 * no token in their URLs.
 */
@RequestScoped
public class HostedSession {

  /** Supported languages; the first is the default. */
  static final List<String> LANGUAGES = List.of("es", "pt", "en");

  /** The hidden field every hosted form posts: this browser's {@link HostedState#formToken()}. */
  static final String FORM_TOKEN_FIELD = "idforge_form";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject HostedStateCookie cookie;

  @Inject HttpServletRequest request;

  private HttpServletResponse response;
  private HostedState state;

  /**
   * The response that carries a changed state (servlets and filters; Faces pages find theirs).
   * A state past half its lifetime is sent again here, so an active user keeps it.
   */
  void respondWith(HttpServletResponse response) {
    this.response = response;
    if (state().linked() && cookie.dueForRefresh(state())) {
      change(state());
    }
  }

  void bind(Caller caller, String processId, FramePolicy frames, boolean sdkEvents, String requestedLang) {
    String lang = supported(requestedLang) ? requestedLang : state().lang();
    byte[] token = new byte[16];
    RANDOM.nextBytes(token);
    // A fresh state and form token for every opened link (no fixation of an earlier browser's state).
    change(HostedState.bound(caller, processId, frames, sdkEvents, lang,
        Base64.getUrlEncoder().withoutPadding().encodeToString(token), null));
  }

  /** Who may frame the pages of this browser's process: nobody before a link was opened. */
  FramePolicy frames() {
    return state().linked() ? new FramePolicy(state().frameOrigins()) : FramePolicy.NONE;
  }

  boolean sdkEvents() {
    return state().sdkEvents();
  }

  /** The token this browser's forms must post back; null before a link was opened. */
  String formToken() {
    return state().formToken();
  }

  /** Whether a posted form token is this browser's (constant time). */
  boolean acceptsFormToken(String posted) {
    String expected = state().formToken();
    return expected != null && posted != null
        && MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            posted.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** Remembers the hand-off link this desktop shows (replacing an earlier one). */
  void handoff(String token, OffsetDateTime expires) {
    change(state().withHandoff(token, expires));
  }

  /** The hand-off link this desktop shows, while it is within its lifetime. */
  Optional<String> handoffToken(OffsetDateTime now) {
    HostedState s = state();
    return s.handoffToken() == null || !now.isBefore(s.handoffExpires()) ? Optional.empty() : Optional.of(s.handoffToken());
  }

  /** Whether this browser asked to continue on a phone (its page then follows the phone). */
  boolean handingOff() {
    return state().handoffToken() != null;
  }

  /** The chosen language as stored, or null. */
  String chosenLanguage() {
    return state().lang();
  }

  Optional<Caller> caller() {
    return state().caller();
  }

  /** Remembers an explicit {@code lang} parameter when it names a supported language. */
  void chooseLanguage(String requested) {
    if (supported(requested) && !requested.equals(state().lang())) {
      change(state().withLang(requested));
    }
  }

  private static boolean supported(String lang) {
    return lang != null && LANGUAGES.contains(lang);
  }

  /** The chosen language, else the first supported one the browser accepts, else Spanish. */
  Locale locale(List<Locale> accepted) {
    String lang = state().lang();
    return Locale.forLanguageTag(lang != null ? lang : preferred(accepted));
  }

  static String preferred(List<Locale> accepted) {
    for (Locale l : accepted) {
      if (LANGUAGES.contains(l.getLanguage())) {
        return l.getLanguage();
      }
    }
    return LANGUAGES.get(0);
  }

  /** A message key to show on the next page (post-redirect-get). */
  void notice(String key) {
    if (state().linked()) {
      change(state().withNotice(key));
    }
  }

  /** The pending notice, cleared: it shows once. */
  Optional<String> takeNotice() {
    String n = state().notice();
    if (n != null) {
      change(state().withNotice(null));
    }
    return Optional.ofNullable(n);
  }

  private HostedState state() {
    if (state == null) {
      state = cookie.read(request).orElse(HostedState.NONE);
    }
    return state;
  }

  /** Keeps the new state for this request and sends it to the browser. */
  private void change(HostedState next) {
    state = cookie.write(request, response(), next);
  }

  private HttpServletResponse response() {
    if (response == null) {
      FacesContext faces = FacesContext.getCurrentInstance();
      if (faces == null) {
        throw new IllegalStateException("the hosted state changed outside a page and no response was given");
      }
      response = (HttpServletResponse) faces.getExternalContext().getResponse();
    }
    return response;
  }
}
