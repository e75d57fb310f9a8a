package io.idforge.identity.face.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceComparison.Verdict;
import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.core.document.image.ImageDecoder;
import io.idforge.identity.core.document.image.ImageDecoding;
import io.idforge.identity.face.engine.FaceAnalysis.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * In-process 1:1 face verification: decode (EXIF orientation, CMYK, greyscale, alpha), detect
 * (RFB-320), choose the face for the picture's {@link Role}, find 68 landmarks, align a 150 px
 * chip, gate on size and sharpness, describe (dlib ResNet, 128-D) and compare by Euclidean
 * distance, mapped to {@link SimilarityScale}.
 *
 * <p>Thread-safe: the three ONNX sessions are shared by all callers. Close it to free the
 * sessions. Plain Java, usable from the CDI adapter, the evaluation tools and the benchmark.
 */
public final class FaceEngine implements AutoCloseable {

  private final FaceEngineSettings settings;
  private final ImageDecoder decoder;
  private final OnnxModel detectorModel;
  private final OnnxModel landmarkModel;
  private final OnnxModel descriptorModel;
  private final FaceDetector detector;
  private final FaceLandmarker landmarker;

  private FaceEngine(FaceEngineSettings settings, ImageDecoder decoder, OnnxModel detectorModel,
      OnnxModel landmarkModel, OnnxModel descriptorModel) {
    this.settings = settings;
    this.decoder = decoder.withPixelBudget(settings.maxPixels());
    this.detectorModel = detectorModel;
    this.landmarkModel = landmarkModel;
    this.descriptorModel = descriptorModel;
    this.detector = new FaceDetector(detectorModel, settings.detectionThreshold());
    this.landmarker = new FaceLandmarker(landmarkModel);
  }

  /**
   * Loads the models from {@code source} with default settings; the natives go to system property
   * {@code identity.face.work-dir} when set, else {@code ${user.home}/.idforge/onnxruntime}.
   */
  public static FaceEngine open(ModelSource source) throws FaceEngineException {
    String dir = System.getProperty("identity.face.work-dir");
    return open(source, dir == null || dir.isBlank() ? FaceEngineSettings.defaults()
        : FaceEngineSettings.defaults(java.nio.file.Path.of(dir)));
  }

  /**
   * Loads the three models from {@code source}.
   *
   * @throws FaceEngineException when a model is missing or ONNX Runtime cannot load it; the
   *     caller then reports face matching as unavailable
   */
  public static FaceEngine open(ModelSource source, FaceEngineSettings settings)
      throws FaceEngineException {
    return open(source, settings, new ImageDecoder(settings.maxPixels()));
  }

  /**
   * Loads the three models from {@code source}; pictures are decoded with the limits and bulkhead
   * of {@code decoder} (a deployment passes its shared one, so face checks and document
   * inspection draw on the same decoding permits) at the engine's own pixel budget.
   *
   * @throws FaceEngineException when a model is missing or ONNX Runtime cannot load it
   */
  public static FaceEngine open(ModelSource source, FaceEngineSettings settings,
      ImageDecoder decoder) throws FaceEngineException {
    List<OnnxModel> opened = new ArrayList<>();
    try {
      List<String> missing = source.missing();
      if (!missing.isEmpty()) {
        throw new FaceEngineException(
            "face models missing in " + source.describe() + ": " + missing, null);
      }
      OrtEnvironment env = NativeRuntime.environment(settings.workDir());
      for (String name : ModelSource.REQUIRED) {
        byte[] bytes = source.read(name).orElseThrow(
            () -> new IOException(name + " vanished from " + source.describe()));
        opened.add(new OnnxModel(env, bytes, settings.threads()));
      }
      NativeRuntime.releaseLoadCopy();
      return new FaceEngine(settings, decoder, opened.get(0), opened.get(1), opened.get(2));
    } catch (IOException | OrtException | RuntimeException | LinkageError e) {
      closeAll(opened);
      throw new FaceEngineException("face engine could not start: " + e.getMessage(), e);
    } catch (FaceEngineException e) {
      closeAll(opened);
      throw e;
    }
  }

  /**
   * The picture in {@code bytes}, upright, or empty when it is no decodable JPEG, PNG or WEBP or
   * is beyond the decoder's limits.
   *
   * @throws io.idforge.identity.core.document.image.DecodeBusyException when every decoding permit
   *     stays taken (here and in {@link #analyse(byte[], Role)}, {@link #compare}, {@link
   *     #distance(byte[], byte[])}): busy, not a verdict on the picture
   */
  public Optional<RgbImage> decode(byte[] bytes) {
    return decoder.decode(bytes) instanceof ImageDecoding.Decoded d
        ? Optional.of(RgbImage.of(d.image()))
        : Optional.empty();
  }

  /** Decodes and analyses one picture. */
  public FaceAnalysis analyse(byte[] image, Role role) throws FaceEngineException {
    ImageDecoding decoding = decoder.decode(image);
    if (decoding instanceof ImageDecoding.Decoded d) {
      return analyse(RgbImage.of(d.image()), role);
    }
    ImageDecoding.NotDecoded failed = (ImageDecoding.NotDecoded) decoding;
    return FaceAnalysis.without(Outcome.UNREADABLE, 0, null, Double.NaN, "image not decodable: "
        + failed.problem().name().toLowerCase(Locale.ROOT)
        + (failed.problem() == ImageDecoding.Problem.OUT_OF_LIMITS ? " (" + failed.detail() + ")" : ""));
  }

  /** Analyses a decoded picture: detection, face choice, landmarks, alignment, gates, descriptor. */
  public FaceAnalysis analyse(RgbImage image, Role role) throws FaceEngineException {
    try {
      List<FaceBox> faces = detector.detect(image);
      if (faces.isEmpty()) {
        return FaceAnalysis.without(Outcome.NO_FACE, 0, null, Double.NaN, "no face detected");
      }
      FaceBox face;
      int floor;
      if (role == Role.SELFIE) {
        floor = settings.minSelfieFace();
        List<FaceBox> large = faces.stream().filter(f -> f.width() >= floor).toList();
        if (large.size() > 1) {
          return FaceAnalysis.without(Outcome.MULTIPLE_FACES, faces.size(), null, Double.NaN,
              large.size() + " faces of at least " + floor + " px");
        }
        face = large.isEmpty() ? largest(faces) : large.get(0);
      } else {
        floor = settings.minDocumentFace();
        face = largest(faces);
      }
      if (face.width() < floor) {
        return FaceAnalysis.without(Outcome.TOO_SMALL, faces.size(), face, Double.NaN,
            String.format(Locale.ROOT, "face %.0f px wide, below the %d px floor",
                face.width(), floor));
      }
      double[] landmarks = landmarker.landmarks(image, face);
      Affine chipMap = FaceAligner.chip(landmarks);
      float[] chip = Sampler.sample(image, chipMap, FaceAligner.SIZE, FaceAligner.SIZE,
          Sampler.Clip.NONE, FaceLandmarker.NORM);
      double sharpness = Sampler.lumaLaplacianVariance(chip, FaceAligner.SIZE, FaceAligner.SIZE,
          FaceLandmarker.NORM);
      double minSharpness =
          role == Role.SELFIE ? settings.minSharpness() : settings.minDocumentSharpness();
      if (sharpness < minSharpness) {
        return FaceAnalysis.without(Outcome.UNCLEAR, faces.size(), face, sharpness,
            String.format(Locale.ROOT, "face unclear: sharpness %.1f below %.1f",
                sharpness, minSharpness));
      }
      float[] descriptor = descriptorModel.run(chip,
          new long[] {1, 3, FaceAligner.SIZE, FaceAligner.SIZE}, "descriptor")[0];
      return new FaceAnalysis(Outcome.FACE, faces.size(), Optional.of(face), descriptor,
          sharpness, String.format(Locale.ROOT, "face %.0f px wide, sharpness %.0f",
              face.width(), sharpness));
    } catch (OrtException e) {
      throw new FaceEngineException("face engine failed: " + e.getMessage(), e);
    }
  }

  /**
   * A face narrower than this share of the largest face in a liveness frame is not counted as a
   * second face (a face far in the background); one at least this wide is (a second person, or a
   * photo held up beside the face).
   */
  public static final double COMPANION_FACE_SHARE = 0.4;

  /**
   * Analyses one frame of a liveness burst: counts the faces, and for the largest one (at least
   * the selfie floor wide) finds its landmarks and descriptor. No sharpness gate (see {@link
   * FrameFace}).
   */
  public FrameFace frame(RgbImage image) throws FaceEngineException {
    try {
      List<FaceBox> faces = detector.detect(image);
      if (faces.isEmpty()) {
        return FrameFace.none(0);
      }
      FaceBox face = largest(faces);
      int counted = (int) faces.stream()
          .filter(f -> f.width() >= COMPANION_FACE_SHARE * face.width()).count();
      if (face.width() < settings.minSelfieFace()) {
        return FrameFace.none(counted);
      }
      double[] landmarks = landmarker.landmarks(image, face);
      float[] chip = Sampler.sample(image, FaceAligner.chip(landmarks), FaceAligner.SIZE,
          FaceAligner.SIZE, Sampler.Clip.NONE, FaceLandmarker.NORM);
      float[] descriptor = descriptorModel.run(chip,
          new long[] {1, 3, FaceAligner.SIZE, FaceAligner.SIZE}, "descriptor")[0];
      return new FrameFace(counted, Optional.of(face), landmarks, descriptor);
    } catch (OrtException e) {
      throw new FaceEngineException("face engine failed: " + e.getMessage(), e);
    }
  }

  /**
   * The raw descriptor distance of the two pictures' faces (selfie rules for {@code selfie},
   * document rules for {@code document}), or empty when either yields no usable face.
   */
  public Optional<Double> distance(byte[] selfie, byte[] document) throws FaceEngineException {
    FaceAnalysis a = analyse(selfie, Role.SELFIE);
    if (!a.usable()) {
      return Optional.empty();
    }
    FaceAnalysis b = analyse(document, Role.DOCUMENT);
    return b.usable() ? Optional.of(a.distanceTo(b)) : Optional.empty();
  }

  /** The full check behind {@code FaceMatcher.compare}. */
  public FaceComparison compare(byte[] selfie, byte[] document) throws FaceEngineException {
    FaceAnalysis s = analyse(selfie, Role.SELFIE);
    switch (s.outcome()) {
      case UNREADABLE -> {
        return new FaceComparison(Verdict.UNREADABLE_IMAGE, 0, "selfie " + s.detail());
      }
      case NO_FACE -> {
        return new FaceComparison(Verdict.NO_FACE_IN_SELFIE, 0, "selfie: " + s.detail());
      }
      case MULTIPLE_FACES -> {
        return new FaceComparison(Verdict.MULTIPLE_FACES_IN_SELFIE, 0, "selfie: " + s.detail());
      }
      case TOO_SMALL, UNCLEAR -> {
        return new FaceComparison(Verdict.FACE_TOO_SMALL, 0, "selfie: " + s.detail());
      }
      default -> {
        // FACE: go on with the document
      }
    }
    FaceAnalysis d = analyse(document, Role.DOCUMENT);
    if (d.outcome() == Outcome.UNREADABLE) {
      return new FaceComparison(Verdict.UNREADABLE_IMAGE, 0, "document " + d.detail());
    }
    if (d.outcome() == Outcome.TOO_SMALL || d.outcome() == Outcome.UNCLEAR) {
      return new FaceComparison(Verdict.DOCUMENT_FACE_UNCLEAR, 0, "document: " + d.detail());
    }
    if (!d.usable()) {
      return new FaceComparison(Verdict.NO_FACE_ON_DOCUMENT, 0, "document: " + d.detail());
    }
    double distance = s.distanceTo(d);
    return new FaceComparison(Verdict.COMPARED, SimilarityScale.similarity(distance),
        String.format(Locale.ROOT, "distance %.3f; selfie %s; document %s",
            distance, s.detail(), d.detail()));
  }

  /** Euclidean distance of two descriptors; lower means more alike (the default threshold accepts up to 0.50). */
  public static double distance(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("descriptor lengths differ");
    }
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double diff = a[i] - b[i];
      sum += diff * diff;
    }
    return Math.sqrt(sum);
  }

  private static FaceBox largest(List<FaceBox> faces) {
    FaceBox best = faces.get(0);
    for (FaceBox f : faces) {
      if (f.area() > best.area()) {
        best = f;
      }
    }
    return best;
  }

  @Override
  public void close() {
    closeAll(List.of(detectorModel, landmarkModel, descriptorModel));
  }

  private static void closeAll(List<OnnxModel> models) {
    for (OnnxModel m : models) {
      try {
        m.close();
      } catch (OrtException | RuntimeException e) {
        // closing is best effort; nothing useful to do with a failure here
      }
    }
  }
}
