package io.idforge.identity.web.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Twilio Programmable Messaging account as configured ({@code identity.sms.twilio.*}), checked
 * once. {@link #toString()} leaves out the auth token.
 *
 * @param baseUrl API root, {@code https://api.twilio.com} unless a compatible gateway or a test
 *     server stands in
 * @param accountSid the account ({@code AC…}); user name of the Basic auth and part of the path
 * @param authToken password of the Basic auth
 * @param from sending number (E.164) or alphanumeric sender id; used when no messaging service is
 *     configured
 * @param messagingServiceSid messaging service ({@code MG…}); when set it is sent instead of {@code
 *     From} and Twilio picks the sender from the service's pool
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout time for the whole answer of one request
 */
record TwilioSettings(
    URI baseUrl,
    String accountSid,
    String authToken,
    Optional<String> from,
    Optional<String> messagingServiceSid,
    Duration connectTimeout,
    Duration requestTimeout) {

  static final String DEFAULT_BASE_URL = "https://api.twilio.com";

  private static final Pattern SID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  TwilioSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(messagingServiceSid, "messagingServiceSid");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
      throw new IllegalStateException("identity.sms.twilio.base-url must be an http(s) URL");
    }
    if (accountSid == null || !SID.matcher(accountSid).matches()) {
      throw new IllegalStateException(
          "identity.sms.twilio.account-sid is required (letters, digits, _ or -)");
    }
    if (authToken == null || authToken.isBlank()) {
      throw new IllegalStateException("identity.sms.twilio.auth-token is required");
    }
    if (from.isEmpty() && messagingServiceSid.isEmpty()) {
      throw new IllegalStateException(
          "identity.sms.twilio.from or identity.sms.twilio.messaging-service-sid is required");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()
        || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalStateException("identity.sms.twilio timeouts must be positive");
    }
  }

  /**
   * Builds the settings from raw configuration values.
   *
   * @throws IllegalStateException naming the key when a value is missing or malformed
   */
  static TwilioSettings of(
      String baseUrl,
      Optional<String> accountSid,
      Optional<String> authToken,
      Optional<String> from,
      Optional<String> messagingServiceSid,
      Duration connectTimeout,
      Duration requestTimeout) {
    URI base;
    try {
      String b = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.trim();
      base = new URI(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("identity.sms.twilio.base-url is not a URL: " + baseUrl, e);
    }
    return new TwilioSettings(
        base,
        accountSid.map(String::trim).orElse(null),
        authToken.orElse(null),
        from.map(String::trim).filter(f -> !f.isEmpty()),
        messagingServiceSid.map(String::trim).filter(m -> !m.isEmpty()),
        connectTimeout,
        requestTimeout);
  }

  /** {@code {base}/2010-04-01/Accounts/{AccountSid}/Messages.json}. */
  URI messagesUri() {
    return URI.create(baseUrl + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
  }

  /** {@code Basic base64(AccountSid:AuthToken)}. */
  String authorization() {
    String pair = accountSid + ":" + authToken;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** For the start-up log: endpoint, account (shortened) and sender kind, never the token. */
  String describe() {
    String account =
        accountSid.length() > 8 ? accountSid.substring(0, 6) + "…" + accountSid.substring(accountSid.length() - 2) : accountSid;
    return "Twilio Programmable Messaging at " + baseUrl + ", account " + account + ", "
        + messagingServiceSid.map(m -> "messaging service " + m).orElseGet(() -> "from " + from.get())
        + ", timeouts connect " + connectTimeout + " / request " + requestTimeout;
  }

  @Override
  public String toString() {
    return "TwilioSettings[" + describe() + "]";
  }
}
