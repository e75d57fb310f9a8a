package io.idforge.identity.core.domain.process;

import java.util.Arrays;
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

  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FailureStatus> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wireValue().equals(value)).findFirst();
  }
}
