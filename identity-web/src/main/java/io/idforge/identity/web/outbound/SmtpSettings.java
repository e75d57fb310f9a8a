package io.idforge.identity.web.outbound;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The SMTP transport as configured ({@code identity.mail.*}), checked once: a bad value fails at
 * start-up, not on the first code. {@link #toString()} leaves out the password.
 *
 * @param host SMTP server
 * @param port SMTP port; see {@link Tls#defaultPort()}
 * @param username login, or empty for an unauthenticated relay
 * @param password password of {@code username}
 * @param tls how the connection is secured
 * @param from the {@code From} address, optionally with a display name ({@code IdForge
 *     <no-reply@example.com>})
 * @param timeout connect, read and write timeout of the SMTP connection
 */
record SmtpSettings(
    String host,
    int port,
    Optional<String> username,
    Optional<String> password,
    Tls tls,
    InternetAddress from,
    Duration timeout) {

  /** How the SMTP connection is secured ({@code identity.mail.smtp.tls}). */
  enum Tls {
    /** Plain SMTP, nothing encrypted: only for a relay on the same host or a test server. */
    NONE(25),
    /** SMTP upgraded with STARTTLS, which is required: a server without it is refused. */
    STARTTLS(587),
    /** SMTP inside TLS from the first byte (implicit TLS, "SMTPS"). */
    SMTPS(465);

    private final int defaultPort;

    Tls(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    /** 25, 587 or 465. */
    int defaultPort() {
      return defaultPort;
    }

    static Tls parse(String value) {
      String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "none" -> NONE;
        case "starttls" -> STARTTLS;
        case "smtps" -> SMTPS;
        default ->
            throw new IllegalStateException(
                "identity.mail.smtp.tls must be none, starttls or smtps, not '" + value + "'");
      };
    }
  }

  SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(timeout, "timeout");
    if (host.isBlank()) {
      throw new IllegalStateException("identity.mail.smtp.host is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalStateException("identity.mail.smtp.port must be 1-65535, not " + port);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalStateException("identity.mail.timeout must be positive");
    }
    if (username.isPresent() && password.isEmpty()) {
      throw new IllegalStateException(
          "identity.mail.smtp.username is set without identity.mail.smtp.password");
    }
  }

  /**
   * Builds the settings from raw configuration values.
   *
   * @throws IllegalStateException naming the key when a value is missing or malformed
   */
  static SmtpSettings of(
      String host,
      Optional<Integer> port,
      Optional<String> username,
      Optional<String> password,
      String tls,
      Optional<String> from,
      Duration timeout) {
    Tls mode = Tls.parse(tls);
    String fromValue =
        from.filter(f -> !f.isBlank())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "identity.mail.from is required when identity.mail.smtp.host is set"));
    InternetAddress fromAddress;
    try {
      fromAddress = new InternetAddress(fromValue.trim(), true);
    } catch (AddressException e) {
      throw new IllegalStateException("identity.mail.from is not a valid address: " + fromValue, e);
    }
    return new SmtpSettings(
        host.trim(),
        port.orElse(mode.defaultPort()),
        username.filter(u -> !u.isBlank()),
        password.filter(p -> !p.isEmpty()),
        mode,
        fromAddress,
        timeout);
  }

  /** The Jakarta Mail transport protocol: {@code smtps} for implicit TLS, else {@code smtp}. */
  String protocol() {
    return tls == Tls.SMTPS ? "smtps" : "smtp";
  }

  /** Jakarta Mail session properties for these settings (no credentials: they go to connect). */
  Properties sessionProperties() {
    String p = "mail." + protocol() + ".";
    String millis = Long.toString(timeout.toMillis());
    Properties props = new Properties();
    props.setProperty("mail.transport.protocol", protocol());
    props.setProperty(p + "host", host);
    props.setProperty(p + "port", Integer.toString(port));
    props.setProperty(p + "connectiontimeout", millis);
    props.setProperty(p + "timeout", millis);
    props.setProperty(p + "writetimeout", millis);
    props.setProperty(p + "auth", Boolean.toString(username.isPresent()));
    props.setProperty(p + "from", from.getAddress());
    if (tls == Tls.STARTTLS) {
      props.setProperty(p + "starttls.enable", "true");
      props.setProperty(p + "starttls.required", "true");
    }
    if (tls != Tls.NONE) {
      props.setProperty(p + "ssl.checkserveridentity", "true");
    }
    return props;
  }

  /** For the start-up log: transport, security and sender, never the password. */
  String describe() {
    return "SMTP " + host + ":" + port + " (" + tls.name().toLowerCase(Locale.ROOT) + ", "
        + (username.isPresent() ? "authenticated" : "no login") + "), from " + from.getAddress()
        + ", timeout " + timeout;
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + describe() + "]";
  }
}
