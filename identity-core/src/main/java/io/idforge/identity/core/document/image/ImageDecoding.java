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

  /**
   * No picture; {@code format} is present when the magic bytes were recognised; {@code detail}
   * says what was wrong in technical terms (dimensions, never content), for check messages and
   * logs.
   */
  record NotDecoded(Optional<ImageFormat> format, Problem problem, String detail)
      implements ImageDecoding {
    public NotDecoded {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(detail, "detail");
    }

    /** A refusal whose problem says it all. */
    public NotDecoded(Optional<ImageFormat> format, Problem problem) {
      this(format, problem, problem.name().toLowerCase(java.util.Locale.ROOT));
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
    CORRUPT("invalid_or_corrupted_image_file"),
    /**
     * The header declares a picture beyond the {@link ImageLimits} (pixel count, side, aspect
     * ratio); refused before decoding. The catalogue has no size code for pictures; {@code
     * invalid_or_corrupted_image_file} ("corrupt or unreadable") is the closest: no camera writes
     * such a file, the service will not read it, and retaking the photo fixes it.
     */
    OUT_OF_LIMITS("invalid_or_corrupted_image_file");

    private final String declinedReason;

    Problem(String declinedReason) {
      this.declinedReason = declinedReason;
    }

    public String declinedReason() {
      return declinedReason;
    }
  }
}
