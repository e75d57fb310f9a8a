package io.idforge.identity.core.domain.process;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A process or validation is {@code pending} until it ends {@code success} or {@code failure}. */
public enum ProcessStatus {
  PENDING,
  SUCCESS,
  FAILURE;

  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ProcessStatus> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wireValue().equals(value)).findFirst();
  }
}
