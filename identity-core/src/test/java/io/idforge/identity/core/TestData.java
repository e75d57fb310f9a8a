package io.idforge.identity.core;

import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessStart;
import io.idforge.identity.core.domain.validation.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Shared fixtures for core unit tests: a fixed clock and small builders. */
public final class TestData {

  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private TestData() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.now(CLOCK);
  }

  public static IdentityProcess process(OffsetDateTime expiresAt) {
    return new IdentityProcess(
        new ProcessStart(
            "TCI00000000000000000000000000000001", "acc-1", "IPF00000000000000000000000000000001", 1,
            "6f1f0b7e-0000-4000-8000-000000000001", "web", "CO", "https://example.com/done", null,
            "127.0.0.1", expiresAt),
        now());
  }

  public static Validation validation(StepType type, int stepIndex) {
    return new Validation(
        "IDP00000000000000000000000000000001", "TCI00000000000000000000000000000001", "acc-1", stepIndex,
        type, StepConfig.DEFAULT_RETRIES, null, StepConfig.DEFAULT_TIMEOUT_SECONDS, "127.0.0.1", now());
  }

  public static FlowStep step(StepType type) {
    return new FlowStep("IPS00000000000000000000000000000001", type, StepConfig.defaults());
  }
}
