package io.idforge.identity.web.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * What the public base URL implies for cookies and HSTS. Served over https (the base URL says so,
 * even when TLS ends at a proxy in front), the session cookie is {@code Secure} and browsers are
 * told to use https only ({@code Strict-Transport-Security}). {@code SameSite} is {@code Lax} unless
 * configured: {@code None} is for flows embedded in another site's iframe and forces
 * {@code Secure}, as browsers require. Over http, {@code None} falls back to {@code Lax}: browsers
 * reject {@code None} without {@code Secure} and a {@code Secure} cookie set over http, so the
 * hosted flow would lose its session even as a top-level page.
 *
 * @param https whether {@code identity.public-base-url} is an https URL
 * @param sameSite the session cookie's {@code SameSite} value
 * @param hstsMaxAge {@code max-age} of HSTS (sent only when {@code https})
 */
public record TransportSecurity(boolean https, String sameSite, Duration hstsMaxAge) {

  static final String BASE_URL = "identity.public-base-url";
  static final String SAME_SITE = "identity.session.same-site";
  static final String HSTS_MAX_AGE = "identity.http.hsts-max-age";

  private static final Set<String> SAME_SITE_VALUES = Set.of("Lax", "Strict", "None");

  public TransportSecurity {
    if (!SAME_SITE_VALUES.contains(sameSite)) {
      throw new IllegalArgumentException(SAME_SITE + " must be one of " + SAME_SITE_VALUES + ", not " + sameSite);
    }
  }

  public static TransportSecurity from(Config config) {
    String base = config.getOptionalValue(BASE_URL, String.class).orElse("http://localhost:8080").trim();
    String sameSite = config.getOptionalValue(SAME_SITE, String.class).map(String::trim).orElse("Lax");
    String normalised = sameSite.isEmpty() ? "Lax"
        : sameSite.substring(0, 1).toUpperCase(Locale.ROOT) + sameSite.substring(1).toLowerCase(Locale.ROOT);
    Duration maxAge = config.getOptionalValue(HSTS_MAX_AGE, Duration.class).orElse(Duration.ofDays(365));
    boolean https = base.toLowerCase(Locale.ROOT).startsWith("https://");
    return new TransportSecurity(https, effectiveSameSite(normalised, https), maxAge);
  }

  /** {@code None} only over https (see the class comment); any other value as configured. */
  static String effectiveSameSite(String configured, boolean https) {
    return "None".equals(configured) && !https ? "Lax" : configured;
  }

  /** Whether the configured {@code SameSite} was {@code None} but http forced {@code Lax}. */
  public static boolean noneRefusedOverHttp(Config config) {
    TransportSecurity t = from(config);
    return !t.https() && "none".equalsIgnoreCase(config.getOptionalValue(SAME_SITE, String.class).orElse("").trim());
  }

  /** Whether the session cookie carries {@code Secure}: over https (which {@code None} needs). */
  public boolean secureCookie() {
    return https;
  }

  /** The HSTS header value, or null when the service is not public over https. */
  public String hstsHeader() {
    return https ? "max-age=" + hstsMaxAge.toSeconds() : null;
  }
}
