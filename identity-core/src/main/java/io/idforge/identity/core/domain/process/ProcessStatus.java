package io.idforge.identity.core.domain.process;

import java.util.Locale;
import java.util.Optional;

/** A process or validation is {@code pending} until it ends {@code success} or {@code failure}. */
public enum ProcessStatus {
  PENDING,
  SUCCESS,
  FAILURE;

  /** Computed once: the status is read and written for every process a sweep expires. */
  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireValue() {
    return wire;
  }

  /** Read on every status check of a process; a loop over a kept copy of the values (no stream). */
  private static final ProcessStatus[] ALL = values();

  public static Optional<ProcessStatus> fromWire(String value) {
    for (ProcessStatus s : ALL) {
      if (s.wireValue().equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
