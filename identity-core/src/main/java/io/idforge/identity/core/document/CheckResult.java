package io.idforge.identity.core.document;

/** The {@code result} of a document-validation item, with its wire value. */
public enum CheckResult {
  VALID("valid"),
  INVALID("invalid"),
  SKIPPED("skipped");

  private final String wireValue;

  CheckResult(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value Truora puts in {@code result}. */
  public String wireValue() {
    return wireValue;
  }
}
