package io.idforge.identity.core.domain.flow;

import java.util.Arrays;
import java.util.Optional;

/** The validators a flow step can run, with Truora's wire spelling (the validation {@code type}). */
public enum StepType {
  PHONE_VERIFICATION("phone-verification"),
  EMAIL_VERIFICATION("email-verification"),
  DOCUMENT_VALIDATION("document-validation"),
  FACE_RECOGNITION("face-recognition");

  private final String wireValue;

  StepType(String wireValue) {
    this.wireValue = wireValue;
  }

  public String wireValue() {
    return wireValue;
  }

  public static Optional<StepType> fromWire(String value) {
    return Arrays.stream(values()).filter(t -> t.wireValue.equals(value)).findFirst();
  }

  /** True for steps whose input is files (photos), false for one-time-code steps. */
  public boolean takesFiles() {
    return this == DOCUMENT_VALIDATION || this == FACE_RECOGNITION;
  }
}
