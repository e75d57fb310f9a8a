package io.idforge.identity.core.document.image;

import java.util.Optional;

/**
 * The picture formats accepted for document uploads, recognised by their magic bytes, never by file
 * name or declared content type:
 *
 * <ul>
 *   <li>JPEG: {@code FF D8 FF};
 *   <li>PNG: the 8-byte signature {@code 89 50 4E 47 0D 0A 1A 0A};
 *   <li>WEBP: a RIFF container, {@code "RIFF"} + 4-byte size + {@code "WEBP"}.
 * </ul>
 */
public enum ImageFormat {
  JPEG("image/jpeg"),
  PNG("image/png"),
  WEBP("image/webp");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  private final String mimeType;

  ImageFormat(String mimeType) {
    this.mimeType = mimeType;
  }

  public String mimeType() {
    return mimeType;
  }

  /** The format {@code bytes} start with, or empty when they are none of the accepted ones. */
  public static Optional<ImageFormat> sniff(byte[] bytes) {
    if (bytes == null) {
      return Optional.empty();
    }
    if (startsWith(bytes, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, new byte[] {'R', 'I', 'F', 'F'})
        && startsWith(bytes, 8, new byte[] {'W', 'E', 'B', 'P'})) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
    if (bytes.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[offset + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
