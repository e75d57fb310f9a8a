package io.idforge.identity.core.domain.media;

import java.util.Arrays;
import java.util.Optional;

/** What an uploaded image shows; the wire names follow Truora's {@code files_upload_urls} names. */
public enum MediaKind {
  DOCUMENT_FRONT("document-front"),
  DOCUMENT_REVERSE("document-reverse"),
  SELFIE("face-photo"),
  /** The frames of an active-liveness burst, sealed as one object ({@code FrameBurst}). */
  LIVENESS_FRAMES("liveness-frames"),
  /** The reference photo of a face enrollment (Validations API). */
  FACE_REFERENCE("enrollment-photo");

  private final String wireValue;

  MediaKind(String wireValue) {
    this.wireValue = wireValue;
  }

  public String wireValue() {
    return wireValue;
  }

  public static Optional<MediaKind> fromWire(String value) {
    return Arrays.stream(values()).filter(k -> k.wireValue.equals(value)).findFirst();
  }
}
