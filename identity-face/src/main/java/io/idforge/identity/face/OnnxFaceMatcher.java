package io.idforge.identity.face;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.api.spi.FaceMatcher;
import io.idforge.identity.api.spi.LivenessAction;
import io.idforge.identity.api.spi.LivenessChecker;
import io.idforge.identity.api.spi.LivenessReport;
import io.idforge.identity.core.document.image.DecodeBusyException;
import io.idforge.identity.core.document.image.ImageDecoder;
import io.idforge.identity.face.engine.FaceEngine;
import io.idforge.identity.face.engine.FaceEngineSettings;
import io.idforge.identity.face.engine.ModelSource;
import io.idforge.identity.face.engine.NativeRuntime;
import io.idforge.identity.face.liveness.LivenessAnalyser;
import io.idforge.identity.face.liveness.LivenessRules;
import java.util.List;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link FaceMatcher} port on the in-process ONNX engine ({@link FaceEngine}).
 *
 * <p>Configuration (MicroProfile Config):
 *
 * <ul>
 *   <li>{@code identity.face.enabled} (default true): false turns face matching off;
 *   <li>{@code identity.face.model-dir} (optional): a folder with {@code detector.onnx}, {@code
 *       landmarks68.onnx}, {@code descriptor.onnx} instead of the models built into this jar;
 *   <li>{@code identity.face.work-dir} (default {@code ${user.home}/.idforge/onnxruntime}): where
 *       ONNX Runtime's native libraries are extracted, once;
 *   <li>{@code identity.face.threads} (default 1): intra-op threads per model; parallelism comes
 *       from request threads.
 * </ul>
 *
 * The engine is loaded on first use, or ahead of it by {@link #loadInBackground}, which the
 * service's start-up calls so that it does not wait the seconds ONNX Runtime and the three models
 * take; until the load ends {@link #isLoading()} is true and callers of {@link #isAvailable()},
 * {@link #compare} and {@link #check} wait for its outcome (never a pass or a "face matching off"
 * decided before the engine had its chance). A failure to load never fails the deployment: the matcher reports itself unavailable with a
 * WARNING, and face validations then wait for manual review.
 */
@ApplicationScoped
public class OnnxFaceMatcher implements FaceMatcher, LivenessChecker {

  /** The engine's name for logs and the admin UI. */
  public static final String NAME = "onnx-rfb320-dlib-resnet";

  private static final Logger LOG = Logger.getLogger(OnnxFaceMatcher.class.getName());

  @Inject
  @ConfigProperty(name = "identity.face.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "identity.face.model-dir")
  Optional<String> modelDir;

  @Inject
  @ConfigProperty(name = "identity.face.work-dir")
  Optional<String> workDir;

  @Inject
  @ConfigProperty(name = "identity.face.threads", defaultValue = "1")
  int threads;

  /**
   * The deployment's shared decoder (limits and bulkhead of {@code identity.images.*}); null for a
   * matcher {@link #configured} outside a container, which then decodes with the defaults.
   */
  @Inject ImageDecoder decoder;

  private volatile FaceEngine engine;
  private volatile boolean attempted;
  private volatile boolean loading;

  /** For CDI. */
  public OnnxFaceMatcher() {}

  /** A matcher configured directly, outside a container (tests, tools). */
  public static OnnxFaceMatcher configured(boolean enabled, Optional<Path> modelDir,
      Path workDir, int threads) {
    OnnxFaceMatcher m = new OnnxFaceMatcher();
    m.enabled = enabled;
    m.modelDir = modelDir.map(Path::toString);
    m.workDir = Optional.of(workDir.toString());
    m.threads = threads;
    return m;
  }

  @Override
  public boolean isAvailable() {
    return engine().isPresent();
  }

  @Override
  public boolean isLoading() {
    return loading && !attempted;
  }

  /**
   * Starts loading the engine on {@code executor} and returns at once; {@link #isLoading()} is
   * true from now until the load ends. Calls made meanwhile wait for it (see the class comment).
   */
  @Override
  public void loadInBackground(Executor executor) {
    if (attempted) {
      return;
    }
    loading = true;
    try {
      executor.execute(this::engine);
    } catch (RuntimeException rejected) {
      // No thread for it (an executor shutting down): the first use loads it instead.
      loading = false;
      throw rejected;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FaceComparison compare(byte[] selfie, byte[] documentFront) throws FaceEngineException {
    FaceEngine e = engine().orElseThrow(
        () -> new FaceEngineException("face engine is not available", null));
    try {
      return e.compare(selfie, documentFront);
    } catch (DecodeBusyException busy) {
      // Every decoding permit is taken: busy, not an engine failure; the caller offers a retry.
      throw busy;
    } catch (RuntimeException ex) {
      // An unexpected failure inside the pipeline is a system error, not a decline.
      throw new FaceEngineException("face engine failed: " + ex, ex);
    }
  }

  /** Active liveness on the same engine (landmarks, head pose, descriptors of every frame). */
  @Override
  public LivenessReport check(List<byte[]> frames, List<LivenessAction> asked) throws FaceEngineException {
    FaceEngine e = engine().orElseThrow(
        () -> new FaceEngineException("face engine is not available", null));
    try {
      return new LivenessAnalyser(e, LivenessRules.defaults()).check(frames, asked);
    } catch (DecodeBusyException busy) {
      throw busy;
    } catch (RuntimeException ex) {
      throw new FaceEngineException("liveness check failed: " + ex, ex);
    }
  }

  /** The loaded engine, loading it on the first call; empty when off or not loadable. */
  Optional<FaceEngine> engine() {
    if (!attempted) {
      synchronized (this) {
        if (!attempted) {
          try {
            engine = load();
          } finally {
            attempted = true;
            loading = false;
          }
        }
      }
    }
    return Optional.ofNullable(engine);
  }

  private FaceEngine load() {
    if (!enabled) {
      LOG.info("face matching disabled by identity.face.enabled=false");
      return null;
    }
    ModelSource source = ModelSource.of(modelDir.filter(s -> !s.isBlank()).map(Path::of));
    Path work = workDir.filter(s -> !s.isBlank()).map(Path::of)
        .orElseGet(FaceEngineSettings::defaultWorkDir);
    if (!NativeRuntime.telemetryDisabledByEnvironment()) {
      LOG.warning("ORT_DISABLE_TELEMETRY is not set: ONNX Runtime writes a device id and a usage"
          + " event queue under $XDG_CACHE_HOME or $HOME/.cache/Microsoft/DeveloperTools and"
          + " files in $TMPDIR while it starts (session events are switched off). Start the"
          + " server with ORT_DISABLE_TELEMETRY=1.");
    }
    try {
      FaceEngineSettings settings = FaceEngineSettings.defaults(work).withThreads(threads);
      FaceEngine e = decoder == null ? FaceEngine.open(source, settings)
          : FaceEngine.open(source, settings, decoder);
      LOG.info(() -> "face engine " + NAME + " loaded from " + source.describe() + ", "
          + threads + " thread(s) per model, natives in " + work);
      return e;
    } catch (FaceEngineException | RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "face engine unavailable (face validations will wait for manual"
          + " review): " + e.getMessage(), e);
      return null;
    }
  }

  @PreDestroy
  synchronized void close() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }
}
