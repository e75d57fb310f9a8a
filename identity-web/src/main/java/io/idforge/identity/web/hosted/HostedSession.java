package io.idforge.identity.web.hosted;

import io.idforge.identity.core.application.Caller;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosted flow's session: which web token's process this browser works on (its public ids
 * only, never the token itself) and the user's language. Set by {@link HostedEntryServlet} after
 * the token was verified, so flow pages carry no token in their URLs.
 */
@SessionScoped
public class HostedSession implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<String> LANGUAGES = List.of("es", "pt", "en");

  private String clientId;
  private String keyName;
  private String jti;
  private String lang;

  void bind(Caller caller) {
    this.clientId = caller.clientId();
    this.keyName = caller.keyName();
    this.jti = caller.jti();
  }

  Optional<Caller> caller() {
    return jti == null ? Optional.empty() : Optional.of(Caller.web(clientId, keyName, jti));
  }

  /** Remembers an explicit {@code lang} parameter when it names a supported language. */
  void chooseLanguage(String requested) {
    if (requested != null && LANGUAGES.contains(requested)) {
      lang = requested;
    }
  }

  /** The chosen language, else the best of the browser's, else Spanish. */
  public Locale locale(List<Locale> accepted) {
    if (lang != null) {
      return Locale.forLanguageTag(lang);
    }
    for (Locale l : accepted) {
      if (LANGUAGES.contains(l.getLanguage())) {
        return Locale.forLanguageTag(l.getLanguage());
      }
    }
    return Locale.forLanguageTag("es");
  }
}
