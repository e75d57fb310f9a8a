package io.idforge.identity.core.domain.process;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a process or validation ended in {@code failure}: {@code declined} (see
 * {@code declined_reason}), {@code expired} (see {@code expired_reason}) or {@code system_error}.
 */
public enum FailureStatus {
  DECLINED,
  EXPIRED,
  SYSTEM_ERROR;

  /** Computed once: the status is read and written for every process a sweep expires. */
  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireValue() {
    return wire;
  }

  /** Read on every status check of a process; a loop over a kept copy of the values (no stream). */
  private static final FailureStatus[] ALL = values();

  public static Optional<FailureStatus> fromWire(String value) {
    for (FailureStatus s : ALL) {
      if (s.wireValue().equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
