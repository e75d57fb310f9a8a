package io.idforge.identity.api.spi;

import java.util.Optional;

/**
 * Port for optical character recognition of document photos, used to read machine-readable zones
 * (ICAO 9303) and printed fields. Runs inside the deployment; no image leaves the server.
 */
public interface TextRecognizer {

  /** True when the OCR engine is installed and usable. */
  boolean isAvailable();

  /** A short name for logs, e.g. {@code tesseract 5.3.0}. */
  String name();

  /**
   * The text found in an image, lines separated by {@code \n}; empty when nothing was read.
   *
   * @param image JPEG or PNG bytes
   * @param mode what the image holds; engines tune their settings to it
   * @throws RecognitionException when the engine failed to run
   */
  Optional<String> recognize(byte[] image, Mode mode) throws RecognitionException;

  /** The kind of text expected. */
  enum Mode {
    /** A machine-readable zone: OCR-B, the characters A-Z, 0-9 and '<' only. */
    MRZ,
    /** Printed text in Spanish or Portuguese (the visual inspection zone). */
    PRINTED
  }

  /** The engine could not run (missing binary, timeout, crash). */
  class RecognitionException extends Exception {

    private static final long serialVersionUID = 1L;

    public RecognitionException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
