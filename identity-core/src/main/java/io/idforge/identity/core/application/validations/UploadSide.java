package io.idforge.identity.core.application.validations;

import java.util.Arrays;
import java.util.Optional;

/** What an upload link accepts: one side of a document, a selfie, or a face enrollment's reference photo. */
public enum UploadSide {
  FRONT("front"),
  REVERSE("reverse"),
  SELFIE("selfie"),
  REFERENCE("reference");

  private final String pathValue;

  UploadSide(String pathValue) {
    this.pathValue = pathValue;
  }

  /** The value in the upload URL's path. */
  public String pathValue() {
    return pathValue;
  }

  public static Optional<UploadSide> fromPath(String value) {
    return Arrays.stream(values()).filter(s -> s.pathValue.equals(value)).findFirst();
  }
}
