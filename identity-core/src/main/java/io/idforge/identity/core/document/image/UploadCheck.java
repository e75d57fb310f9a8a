package io.idforge.identity.core.document.image;

/**
 * First gate for an uploaded document picture: not empty, not over the size limit, and a JPEG, PNG
 * or WEBP by its magic bytes. It does not decode the picture (see {@link ImageDecoder}).
 */
public final class UploadCheck {

  private UploadCheck() {}

  /**
   * The status of {@code bytes} (null counts as empty) against a limit of {@code maxBytes}.
   *
   * @throws IllegalArgumentException when {@code maxBytes} is not positive
   */
  public static UploadStatus check(byte[] bytes, long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (bytes == null || bytes.length == 0) {
      return UploadStatus.EMPTY;
    }
    if (bytes.length > maxBytes) {
      return UploadStatus.TOO_LARGE;
    }
    return ImageFormat.sniff(bytes).isPresent() ? UploadStatus.OK : UploadStatus.NOT_AN_IMAGE;
  }
}
