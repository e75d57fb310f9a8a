package io.idforge.identity.core.document.image;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;

/** Outcome of {@link ImageDecoder#decode}: a picture, or why there is none. */
public sealed interface ImageDecoding permits ImageDecoding.Decoded, ImageDecoding.NotDecoded {

  /**
   * A decoded picture. {@code image} may be subsampled when the original exceeded the decoder's
   * pixel budget; {@code width} and {@code height} are always the original dimensions, which is
   * what a resolution check must look at.
   */
  record Decoded(ImageFormat format, BufferedImage image, int width, int height)
      implements ImageDecoding {
    public Decoded {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(image, "image");
    }
  }

  /** No picture; {@code format} is present when the magic bytes were recognised. */
  record NotDecoded(Optional<ImageFormat> format, Problem problem) implements ImageDecoding {
    public NotDecoded {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(problem, "problem");
    }

    /** The catalogue code to decline with. */
    public String declinedReason() {
      return problem.declinedReason();
    }
  }

  /** Why a picture could not be decoded, with its catalogue code. */
  enum Problem {
    /** Zero bytes. */
    EMPTY("empty_input_file"),
    /** Not JPEG, PNG or WEBP by magic bytes. */
    NOT_AN_IMAGE("invalid_image_format"),
    /** A recognised format without a reader (none today: JPEG, PNG and WEBP all have one). */
    UNSUPPORTED("invalid_image_format"),
    /** The reader failed: truncated or damaged file. */
    CORRUPT("invalid_or_corrupted_image_file");

    private final String declinedReason;

    Problem(String declinedReason) {
      this.declinedReason = declinedReason;
    }

    public String declinedReason() {
      return declinedReason;
    }
  }
}
