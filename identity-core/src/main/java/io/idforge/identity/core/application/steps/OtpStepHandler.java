package io.idforge.identity.core.application.steps;

import io.idforge.identity.api.spi.DeliveryException;
import io.idforge.identity.core.application.port.CodeSender;
import io.idforge.identity.core.domain.flow.Branding;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.validation.OtpSend;
import io.idforge.identity.core.domain.validation.OtpSendRepository;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.engine.CheckResult;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import io.idforge.identity.core.engine.StepRules;
import io.idforge.identity.core.otp.IssuedCode;
import io.idforge.identity.core.otp.OtpChallenge;
import io.idforge.identity.core.otp.OtpChannel;
import io.idforge.identity.core.otp.OtpOutcome;
import io.idforge.identity.core.otp.OtpSendPolicy;
import io.idforge.identity.core.security.OtpKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The phone and e-mail steps: sends a one-time code (the challenge keeps only its keyed hash) and
 * checks a typed code at once (a keyed hash comparison needs no deferred check). Wrong codes count
 * against the validation, not against a destination: changing the phone or e-mail keeps the
 * attempts already used.
 */
@ApplicationScoped
public class OtpStepHandler {

  /** Notice when the channel of the current step has no provider configured. */
  public static final String CHANNEL_UNAVAILABLE = "channel_unavailable";

  /** Notice after a code was (re)sent. */
  public static final String CODE_SENT = "code_sent";

  /** Notice when a typed code had expired. */
  public static final String CODE_EXPIRED = "code_expired";

  private static final Logger LOG = Logger.getLogger(OtpStepHandler.class.getName());

  @Inject OtpKeys otpKeys;

  @Inject CodeSender codeSender;

  @Inject ProcessEngine engine;

  @Inject Clock clock;

  @Inject OtpSendRepository sends;

  @Inject Event<OtpLimitTripped> limitTripped;

  @Inject
  @ConfigProperty(name = "identity.otp.limits.cooldown", defaultValue = "PT30S")
  Duration cooldown;

  @Inject
  @ConfigProperty(name = "identity.otp.limits.per-destination-per-hour", defaultValue = "5")
  int perDestinationPerHour;

  @Inject
  @ConfigProperty(name = "identity.otp.limits.per-process-per-hour", defaultValue = "10")
  int perProcessPerHour;

  @Inject
  @ConfigProperty(name = "identity.otp.limits.per-tenant-per-hour", defaultValue = "1000")
  int perTenantPerHour;

  /** The channel of a phone or e-mail validation. */
  public static OtpChannel channelOf(StepType type) {
    return switch (type) {
      case PHONE_VERIFICATION -> OtpChannel.PHONE;
      case EMAIL_VERIFICATION -> OtpChannel.EMAIL;
      default -> throw new ConflictException("A " + type.wireValue() + " validation takes no code");
    };
  }

  /** Whether a provider is configured for the channel of {@code type}. */
  public boolean canSend(StepType type) {
    return codeSender.canSend(channelOf(type));
  }

  /**
   * Sends (or re-sends) a code to {@code destination}, already normalised (E.164 or e-mail).
   *
   * @return {@link #CODE_SENT}, or {@link #CHANNEL_UNAVAILABLE} when nothing could be sent
   */
  public String sendCode(Validation v, String destination, String lang) {
    return sendCode(v, destination, lang, Branding.NONE);
  }

  /** As {@link #sendCode(Validation, String, String)}, the e-mail branded as the flow says. */
  public String sendCode(Validation v, String destination, String lang, Branding branding) {
    if (!v.awaitingInput()) {
      throw new ConflictException("This validation is not waiting for a code");
    }
    OtpChannel channel = channelOf(v.type());
    if (!codeSender.canSend(channel)) {
      return CHANNEL_UNAVAILABLE;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String tag = otpKeys.destinationTag(destination);
    Optional<OtpSendPolicy.Refusal> refused = policy().check(counts(v, tag, now), now);
    if (refused.isPresent()) {
      OtpSendPolicy.Refusal r = refused.get();
      if (r.alarms()) {
        // The tenant's operators must hear of this: a number being bombed or traffic pumped.
        LOG.warning(() -> "one-time-code limit " + r.limit() + " reached for client " + v.clientId());
        limitTripped.fire(new OtpLimitTripped(v.clientId(), r.limit()));
      }
      return r.notice();
    }
    Optional<OtpChallenge> previous = v.challenge();
    IssuedCode issued =
        previous.isPresent() && previous.get().destination().equals(destination)
            ? otpKeys.codes().resend(previous.get())
            // A new destination starts a new code, not a new allowance of wrong guesses.
            : otpKeys.codes().issue(channel, destination, v.remainingRetries());
    try {
      codeSender.send(channel, destination, issued.code(), lang, branding);
    } catch (DeliveryException e) {
      LOG.log(Level.WARNING, "could not deliver a one-time code for validation " + v.validationId(), e);
      return CHANNEL_UNAVAILABLE;
    }
    v.storeChallenge(issued.challenge(), now);
    sends.store(new OtpSend(v, tag, now));
    return CODE_SENT;
  }

  private OtpSendPolicy policy() {
    return new OtpSendPolicy(cooldown, perDestinationPerHour, perProcessPerHour, perTenantPerHour);
  }

  private OtpSendPolicy.Counts counts(Validation v, String tag, OffsetDateTime now) {
    OffsetDateTime hourAgo = now.minusHours(1);
    return new OtpSendPolicy.Counts(
        sends.lastSentFor(v.validationId()).orElse(null),
        sends.countToDestination(tag, hourAgo),
        v.processId() == null ? 0 : sends.countInProcess(v.processId(), hourAgo),
        sends.countForTenant(v.clientId(), hourAgo));
  }

  /**
   * Checks a typed code: right moves the flow on; wrong uses an attempt; none left declines.
   *
   * @return the notice for the user, or null when the code was right
   */
  public String submitCode(ProcessRecord r, Validation v, String code) {
    OtpChallenge challenge =
        v.challenge().orElseThrow(() -> new ConflictException("No code has been sent for this step yet"));
    OtpOutcome outcome = otpKeys.codes().verify(challenge, code == null ? "" : code);
    OffsetDateTime now = OffsetDateTime.now(clock);
    switch (outcome.result()) {
      case VERIFIED -> {
        v.storeChallenge(challenge, now);
        return engine.submitAndJudge(r, v, new CheckResult.Passed(null));
      }
      case WRONG_CODE -> {
        v.storeChallenge(challenge, now);
        String reason = outcome.declinedReason().orElseThrow();
        engine.wrongCode(r, v, reason);
        return reason;
      }
      case MAX_RETRIES_REACHED -> {
        v.storeChallenge(challenge, now);
        return engine.submitAndJudge(r, v, new CheckResult.Failed(StepRules.MAX_RETRIES_REACHED, null));
      }
      default -> {
        return CODE_EXPIRED;
      }
    }
  }
}
