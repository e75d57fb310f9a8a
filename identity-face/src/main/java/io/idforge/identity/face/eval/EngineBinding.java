package io.idforge.identity.face.eval;

import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.face.engine.FaceAnalysis;
import io.idforge.identity.face.engine.FaceBox;
import io.idforge.identity.face.engine.FaceEngine;
import io.idforge.identity.face.engine.ModelSource;
import io.idforge.identity.face.engine.RgbImage;
import io.idforge.identity.face.engine.Role;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The one place where the evaluation meets the face engine: it provides the {@link PairScorer}
 * for {@link EvaluateFaces} and the regression test, and the {@link FaceLocator} for {@link
 * SyntheticEvalSet}. Everything else in this package depends only on those two interfaces.
 *
 * <p>The engine is {@link FaceEngine} with its default settings (the production defaults: the
 * evaluation measures what the service does) and the models of this build (the jar's {@code
 * face-models/}, or the folder in system property {@code identity.face.model-dir}); ONNX
 * Runtime's natives go to {@code identity.face.work-dir}.
 */
public final class EngineBinding implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EngineBinding.class.getName());

  private static volatile String unavailable = "face engine not opened yet";

  private final FaceEngine engine;
  private final Map<String, FaceAnalysis> analyses = new ConcurrentHashMap<>();

  private EngineBinding(FaceEngine engine) {
    this.engine = engine;
  }

  /** The engine of this build, or empty without models or when it fails to start. */
  public static Optional<EngineBinding> open() {
    ModelSource source = ModelSource.of(property("identity.face.model-dir"));
    try {
      // Default settings; natives under identity.face.work-dir (else ~/.idforge/onnxruntime).
      return Optional.of(new EngineBinding(FaceEngine.open(source)));
    } catch (FaceEngineException e) {
      // Typically models missing: a build with -Dface.models.skip=true.
      unavailable = e.getMessage();
      LOG.warning(() -> "face engine unavailable: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The engine itself, for evaluations that need more than a pair score (liveness). */
  public FaceEngine engine() {
    return engine;
  }

  /** Why {@link #open()} was empty, for messages and skipped tests. */
  public static String unavailableReason() {
    return unavailable;
  }

  /** The engine's name for the report. */
  public String name() {
    return "FaceEngine (RFB-320 + face-api landmarks + dlib ResNet, ONNX Runtime), default settings";
  }

  /**
   * Scores like {@code FaceEngine.compare} (selfie rules on the left, document rules on the
   * right; the document is not analysed when the selfie fails) but reports the raw distance. Each
   * picture is analysed once per run: the synthetic set reuses every selfie many times.
   */
  public PairScorer scorer() {
    return (left, right) -> {
      FaceAnalysis a = analyse(left, Role.SELFIE);
      if (!a.usable()) {
        return PairScore.notAcquired(PairScore.Side.LEFT, a.outcome() + " (" + a.detail() + ")");
      }
      FaceAnalysis b = analyse(right, Role.DOCUMENT);
      if (!b.usable()) {
        return PairScore.notAcquired(PairScore.Side.RIGHT, b.outcome() + " (" + b.detail() + ")");
      }
      return PairScore.compared(a.distanceTo(b));
    };
  }

  /**
   * All faces of a picture, found with the engine's own detection: the engine reports the
   * largest face, which is then blanked and the picture analysed again, until none is left.
   */
  public FaceLocator locator() {
    return image -> {
      int w = image.getWidth();
      int h = image.getHeight();
      int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
      for (int p = 0; p < pixels.length; p++) {
        pixels[p] &= 0xFFFFFF; // RgbImage holds 0xRRGGBB
      }
      List<Rectangle> boxes = new ArrayList<>();
      try {
        for (int i = 0; i < 40; i++) {
          Optional<FaceBox> face =
              engine.analyse(new RgbImage(w, h, pixels.clone()), Role.DOCUMENT).face();
          if (face.isEmpty()) {
            break;
          }
          Rectangle r = rectangle(face.get()).intersection(new Rectangle(0, 0, w, h));
          if (r.isEmpty()) {
            break;
          }
          // What is left of a blanked face can be detected again: keep only fresh faces.
          if (boxes.stream().noneMatch(b -> overlaps(b, r))) {
            boxes.add(r);
          }
          Rectangle blank = new Rectangle(r.x - r.width / 8, r.y - r.height / 8,
              r.width * 5 / 4, r.height * 5 / 4).intersection(new Rectangle(0, 0, w, h));
          for (int y = blank.y; y < blank.y + blank.height; y++) {
            for (int x = blank.x; x < blank.x + blank.width; x++) {
              pixels[y * w + x] = 0x808080;
            }
          }
        }
      } catch (FaceEngineException e) {
        throw new IllegalStateException("face detection failed: " + e.getMessage(), e);
      }
      return boxes;
    };
  }

  private FaceAnalysis analyse(byte[] image, Role role) throws FaceEngineException {
    String key = role + ":" + sha256(image);
    FaceAnalysis cached = analyses.get(key);
    if (cached != null) {
      return cached;
    }
    FaceAnalysis a = engine.analyse(image, role);
    analyses.put(key, a);
    return a;
  }

  /** True when a fifth of the smaller box lies inside the other. */
  static boolean overlaps(Rectangle a, Rectangle b) {
    Rectangle i = a.intersection(b);
    if (i.isEmpty()) {
      return false;
    }
    double smaller = Math.min((double) a.width * a.height, (double) b.width * b.height);
    return (double) i.width * i.height > 0.2 * smaller;
  }

  private static Rectangle rectangle(FaceBox b) {
    int x = (int) Math.floor(b.x1());
    int y = (int) Math.floor(b.y1());
    return new Rectangle(x, y, (int) Math.ceil(b.x2()) - x, (int) Math.ceil(b.y2()) - y);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  private static Optional<Path> property(String name) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(Path.of(v));
  }

  @Override
  public void close() {
    analyses.clear();
    engine.close();
  }
}
