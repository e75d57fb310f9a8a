package io.idforge.identity.face.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The engine's knobs. The defaults are calibrated on the public-domain test portraits and the
 * probe's synthetic document renditions; see each constant.
 *
 * @param workDir where ONNX Runtime's native libraries are extracted (config {@code
 *     identity.face.work-dir})
 * @param threads intra-op threads per session (config {@code identity.face.threads}); parallelism
 *     normally comes from request threads
 * @param detectionThreshold minimum detector face score
 * @param minSelfieFace minimum width in pixels of the selfie face
 * @param minDocumentFace minimum width in pixels of the document portrait
 * @param minSharpness minimum variance of the Laplacian of the aligned 150 px chip of a selfie
 * @param minDocumentSharpness the same floor for the document portrait
 * @param maxPixels pixel budget: larger pictures are subsampled while decoding
 */
public record FaceEngineSettings(
    Path workDir, int threads, double detectionThreshold, int minSelfieFace,
    int minDocumentFace, double minSharpness, double minDocumentSharpness, long maxPixels) {

  /** Default work dir: {@code ${user.home}/.idforge/onnxruntime}. */
  public static Path defaultWorkDir() {
    return Path.of(System.getProperty("user.home"), ".idforge", "onnxruntime");
  }

  /** RFB-320 score floor; upstream uses 0.7, the probe found 0.6-0.7 equivalent. */
  public static final double DEFAULT_DETECTION_THRESHOLD = 0.7;

  /**
   * A selfie face narrower than this is too small: the descriptor chip is 150 px and a face much
   * smaller than about half of it loses the detail the descriptor relies on.
   */
  public static final int DEFAULT_MIN_SELFIE_FACE = 80;

  /** Document portraits are small by design (about 25 mm on an ID-1 card). */
  public static final int DEFAULT_MIN_DOCUMENT_FACE = 48;

  /**
   * Variance of the Laplacian of the aligned 150 px chip's luma. Measured on the test portraits:
   * the originals score 137 (astronaut, a small face upscaled into the chip) and 1582 (Grace
   * Hopper), JPEG quality 0.1 renditions at least 92, synthetic ID-card renditions (JPEG 0.35,
   * noise) 62-69. Box blurs applied twice: Grace Hopper 172 (3 px box), 42 (5 px), 16 (7 px), 5
   * (11 px); the astronaut 11 (3 px), 3 (5 px). The floor sits nearer the blurred side so that
   * soft but genuine document portraits pass; a heavily blurred face fails.
   */
  public static final double DEFAULT_MIN_SHARPNESS = 25;

  /**
   * The document portrait's floor is lower: a printed portrait of 50-100 px is upscaled into the
   * 150 px chip, which lowers its Laplacian variance whatever the photo's focus (synthetic card
   * renditions measured 8-25 without any blur), and the document photo as a whole already passed
   * the document step's blur check. Only a portrait with almost no detail left is refused.
   */
  public static final double DEFAULT_MIN_DOCUMENT_SHARPNESS = 8;

  /** 16 megapixels: a phone's full-resolution photo, beyond which decoding subsamples. */
  public static final long DEFAULT_MAX_PIXELS = 16_000_000L;

  public FaceEngineSettings {
    Objects.requireNonNull(workDir, "workDir");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
  }

  /** Defaults with the work dir under the user's home. */
  public static FaceEngineSettings defaults() {
    return defaults(defaultWorkDir());
  }

  /** Defaults with {@code workDir}. */
  public static FaceEngineSettings defaults(Path workDir) {
    return new FaceEngineSettings(workDir, 1, DEFAULT_DETECTION_THRESHOLD,
        DEFAULT_MIN_SELFIE_FACE, DEFAULT_MIN_DOCUMENT_FACE, DEFAULT_MIN_SHARPNESS,
        DEFAULT_MIN_DOCUMENT_SHARPNESS, DEFAULT_MAX_PIXELS);
  }

  public FaceEngineSettings withThreads(int n) {
    return new FaceEngineSettings(workDir, n, detectionThreshold, minSelfieFace, minDocumentFace,
        minSharpness, minDocumentSharpness, maxPixels);
  }


}
