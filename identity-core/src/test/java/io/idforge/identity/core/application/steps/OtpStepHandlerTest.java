package io.idforge.identity.core.application.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.TestData;
import io.idforge.identity.core.application.port.CodeSender;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.validation.OtpSend;
import io.idforge.identity.core.domain.validation.OtpSendRepository;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.domain.validation.ValidationState;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import io.idforge.identity.core.otp.OtpChannel;
import io.idforge.identity.core.security.OtpKeys;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The abuse a probe found: a new destination reset the wrong-guess allowance (unlimited guesses),
 * and sends were unlimited (SMS bombing, pumping). Guesses now count per validation, sends per
 * destination, process and tenant.
 */
class OtpStepHandlerTest {

  /** Keeps the codes "sent", as a phone would. */
  static final class Outbox implements CodeSender {
    final Map<String, String> lastCode = new HashMap<>();
    int sent;

    @Override
    public boolean canSend(OtpChannel channel) {
      return true;
    }

    @Override
    public void send(OtpChannel channel, String destination, String code, String lang) {
      lastCode.put(destination, code);
      sent++;
    }
  }

  /** The send record, counted in memory like the table would be. */
  static final class Sends implements OtpSendRepository {
    final List<Object[]> rows = new ArrayList<>();

    @Override
    public void store(OtpSend send) {
      rows.add(new Object[] {field(send, "clientId"), field(send, "processId"), field(send, "validationId"),
          field(send, "destinationTag"), field(send, "sentAt")});
    }

    long count(int column, Object value, OffsetDateTime since) {
      return rows.stream().filter(r -> value.equals(r[column]) && !((OffsetDateTime) r[4]).isBefore(since)).count();
    }

    @Override
    public long countToDestination(String tag, OffsetDateTime since) {
      return count(3, tag, since);
    }

    @Override
    public long countInProcess(String processId, OffsetDateTime since) {
      return count(1, processId, since);
    }

    @Override
    public long countForTenant(String clientId, OffsetDateTime since) {
      return count(0, clientId, since);
    }

    @Override
    public Optional<OffsetDateTime> lastSentFor(String validationId) {
      return rows.stream().filter(r -> validationId.equals(r[2])).map(r -> (OffsetDateTime) r[4]).max(OffsetDateTime::compareTo);
    }
  }

  /** Records fired events. */
  static final class Fired<T> implements Event<T> {
    final List<T> events = new ArrayList<>();

    @Override
    public void fire(T event) {
      events.add(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }

  final Outbox outbox = new Outbox();
  final Sends sends = new Sends();
  final Fired<OtpLimitTripped> tripped = new Fired<>();
  OtpStepHandler handler;

  @BeforeEach
  void setUp() throws Exception {
    OtpKeys keys = new OtpKeys();
    set(keys, "configuredKeys", Optional.of("k1=" + Base64.getEncoder().encodeToString(new byte[32])));
    set(keys, "clock", TestData.CLOCK);
    keys.initialise();
    handler = new OtpStepHandler();
    handler.otpKeys = keys;
    handler.codeSender = outbox;
    handler.engine = new ProcessEngine(TestData.CLOCK);
    handler.clock = TestData.CLOCK;
    handler.sends = sends;
    handler.limitTripped = tripped;
    handler.cooldown = Duration.ZERO;
    handler.perDestinationPerHour = 5;
    handler.perProcessPerHour = 10;
    handler.perTenantPerHour = 1000;
  }

  static Validation emailValidation(String processId) {
    return new Validation(
        processId, "TCI1", "acc-1", 0, StepType.EMAIL_VERIFICATION, 2, null, 300, "10.0.0.1", TestData.now());
  }

  @Test
  void wrongGuessesCountAcrossDestinations() {
    Validation v = emailValidation(null);
    ProcessRecord r = ProcessRecord.standalone(v, x -> Optional.empty(), "user");
    assertEquals(OtpStepHandler.CODE_SENT, handler.sendCode(v, "a@example.com", "es"));
    handler.submitCode(r, v, "000000".equals(outbox.lastCode.get("a@example.com")) ? "111111" : "000000");
    assertEquals(1, v.remainingRetries());
    assertEquals(OtpStepHandler.CODE_SENT, handler.sendCode(v, "b@example.com", "es"));
    assertEquals(1, v.remainingRetries(), "a new destination gives no new allowance");
    String wrong = "000000".equals(outbox.lastCode.get("b@example.com")) ? "111111" : "000000";
    handler.submitCode(r, v, wrong);
    assertEquals(ValidationState.AWAITING_INPUT, v.state());
    handler.submitCode(r, v, wrong);
    assertEquals(ValidationState.DECLINED, v.state());
    assertEquals("max_retries_reached", v.declinedReason());
  }

  @Test
  void aRightCodeAfterChangingTheAddressPasses() {
    Validation v = emailValidation(null);
    ProcessRecord r = ProcessRecord.standalone(v, x -> Optional.empty(), "user");
    handler.sendCode(v, "a@example.com", "es");
    handler.sendCode(v, "b@example.com", "es");
    handler.submitCode(r, v, outbox.lastCode.get("b@example.com"));
    assertEquals(ValidationState.SUCCEEDED, v.state());
  }

  @Test
  void oneNumberReceivesAtMostFiveCodesAnHourWhateverTheValidationAndTheTenantIsAlarmed() {
    for (int i = 0; i < 5; i++) {
      assertEquals(OtpStepHandler.CODE_SENT, handler.sendCode(emailValidation("IDP" + i), "victim@example.com", "es"));
    }
    assertEquals("code_limit_reached", handler.sendCode(emailValidation("IDP9"), "victim@example.com", "es"));
    assertEquals(5, outbox.sent, "the sixth code was never sent");
    assertEquals(List.of(new OtpLimitTripped("TCI1", "per_destination")), tripped.events);
    assertEquals(OtpStepHandler.CODE_SENT, handler.sendCode(emailValidation("IDP9"), "other@example.com", "es"));
  }

  @Test
  void aSecondCodeWithinTheCooldownIsRefusedWithoutAnAlarm() {
    handler.cooldown = Duration.ofSeconds(30);
    Validation v = emailValidation("IDP1");
    assertEquals(OtpStepHandler.CODE_SENT, handler.sendCode(v, "a@example.com", "es"));
    assertEquals("code_cooldown", handler.sendCode(v, "a@example.com", "es"));
    assertEquals(1, outbox.sent);
    assertTrue(tripped.events.isEmpty());
  }

  static Object field(Object target, String name) {
    try {
      Field f = target.getClass().getDeclaredField(name);
      f.setAccessible(true);
      return f.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static void set(Object target, String name, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(name);
    f.setAccessible(true);
    f.set(target, value);
  }
}
