package io.idforge.identity.web.hosted;

import io.idforge.identity.core.application.Caller;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosted flow's session: which web token's process this browser works on (its public ids
 * only, never the token itself), the user's language and the notice to show once after a
 * redirect. Set by {@link HostedEntryServlet} after the token was verified, so flow pages carry no
 * token in their URLs.
 */
@SessionScoped
public class HostedSession implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Supported languages; the first is the default. */
  static final List<String> LANGUAGES = List.of("es", "pt", "en");

  private String clientId;
  private String keyName;
  private String jti;
  private String lang;
  private String notice;
  /** Who may frame this process's pages: its pinned flow version's allowlist, which cannot change. */
  private FramePolicy frames = FramePolicy.NONE;
  /** The embedding page asked for events that carry the process id ({@code event_format=sdk}). */
  private boolean sdkEvents;
  /**
   * The desktop's current "continue on your phone" link token, for its QR code: the token is
   * stored only as a digest in the database, and this session can act on the process anyway.
   */
  private String handoffToken;
  private java.time.OffsetDateTime handoffExpires;

  void bind(Caller caller, FramePolicy frames, boolean sdkEvents) {
    this.clientId = caller.clientId();
    this.keyName = caller.keyName();
    this.jti = caller.jti();
    this.notice = null;
    this.frames = frames;
    this.sdkEvents = sdkEvents;
    this.handoffToken = null;
    this.handoffExpires = null;
  }

  /** Who may frame the pages of this session's process: nobody before a link was opened. */
  FramePolicy frames() {
    return jti == null ? FramePolicy.NONE : frames;
  }

  boolean sdkEvents() {
    return sdkEvents;
  }

  /** Remembers the hand-off link this desktop shows (replacing an earlier one). */
  void handoff(String token, java.time.OffsetDateTime expires) {
    handoffToken = token;
    handoffExpires = expires;
  }

  /** The hand-off link this desktop shows, while it is within its lifetime. */
  Optional<String> handoffToken(java.time.OffsetDateTime now) {
    return handoffToken == null || !now.isBefore(handoffExpires) ? Optional.empty() : Optional.of(handoffToken);
  }

  /** Whether this browser asked to continue on a phone (its page then follows the phone). */
  boolean handingOff() {
    return handoffToken != null;
  }

  /** Back to working on this browser. */
  void endHandoff() {
    handoffToken = null;
    handoffExpires = null;
  }

  /** The chosen language as stored, or null. */
  String chosenLanguage() {
    return lang;
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

  /** The chosen language, else the first supported one the browser accepts, else Spanish. */
  Locale locale(List<Locale> accepted) {
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
    notice = key;
  }

  /** The pending notice, cleared: it shows once. */
  Optional<String> takeNotice() {
    String n = notice;
    notice = null;
    return Optional.ofNullable(n);
  }
}
