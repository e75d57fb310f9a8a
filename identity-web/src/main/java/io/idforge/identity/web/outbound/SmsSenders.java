package io.idforge.identity.web.outbound;

import io.idforge.identity.api.spi.SmsSender;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which {@link SmsSender} is active, chosen by {@code identity.sms.sender}: {@code twilio} ({@link
 * HttpSmsSender}), {@code log} ({@link LoggingSmsSender}, development only) or unset / {@code none}:
 * SMS disabled. Disabled is an explicit state, not an error: {@link #sender()} is empty and the
 * hosted flow can hide or refuse phone verification. Any other value, or {@code twilio} without its
 * account settings, fails the deployment.
 *
 * <p>At start-up the choice is logged; the log sender is announced with a WARNING, because it
 * writes one-time codes to the log.
 */
@ApplicationScoped
public class SmsSenders {

  /** The selecting key. */
  public static final String SENDER_KEY = "identity.sms.sender";

  private static final Logger LOG = Logger.getLogger(SmsSenders.class.getName());

  /** The values of {@value #SENDER_KEY}. */
  enum Mode {
    NONE,
    TWILIO,
    LOG;

    /** Unset, blank or {@code none} is {@link #NONE}; case and surrounding spaces are ignored. */
    static Mode parse(Optional<String> configured) {
      String v = configured.map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("");
      return switch (v) {
        case "", "none" -> NONE;
        case "twilio" -> TWILIO;
        case "log" -> LOG;
        default ->
            throw new IllegalStateException(
                SENDER_KEY + " must be twilio, log or none (or unset), not '" + configured.get() + "'");
      };
    }
  }

  @Inject
  @ConfigProperty(name = SENDER_KEY)
  Optional<String> configured;

  @Inject Instance<HttpSmsSender> twilio;

  @Inject Instance<LoggingSmsSender> log;

  private Mode mode;
  private SmsSender active;

  @PostConstruct
  void select() {
    mode = Mode.parse(configured);
    active =
        switch (mode) {
          case NONE -> null;
          case TWILIO -> twilio.get();
          case LOG -> log.get();
        };
  }

  /** The active sender, or empty when SMS is disabled. */
  public Optional<SmsSender> sender() {
    return Optional.ofNullable(active);
  }

  /** True when SMS can be sent. */
  public boolean isConfigured() {
    return active != null;
  }

  /** Logs the SMS sender once the application starts, validating the Twilio settings if chosen. */
  void report(@Observes @Initialized(ApplicationScoped.class) Object started) {
    switch (mode) {
      case NONE ->
          LOG.info("SMS sender: none, SMS is disabled (set " + SENDER_KEY + "=twilio to enable it)");
      case TWILIO -> LOG.info("SMS sender: twilio, " + twilio.get().describe());
      case LOG ->
          LOG.warning("SMS sender: log. Development only: one-time codes are written to the log and"
              + " no SMS is sent. Never set " + SENDER_KEY + "=log in production.");
    }
  }
}
