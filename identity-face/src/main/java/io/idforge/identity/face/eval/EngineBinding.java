package io.idforge.identity.face.eval;

import java.util.Optional;

/**
 * The one place where the evaluation meets the face engine: it provides the {@link PairScorer}
 * for {@link EvaluateFaces} and the regression test, and the {@link FaceLocator} for {@link
 * SyntheticEvalSet}. Everything else in this package depends only on those two interfaces.
 *
 * <p>TO WIRE when the engine stream is merged: open {@code FaceEngine.open(ModelSource.of(
 * identity.face.model-dir), FaceEngineSettings.defaults(identity.face.work-dir))}; the scorer
 * analyses the selfie ({@code Role.SELFIE}) then the document ({@code Role.DOCUMENT}), reports
 * the first unusable side and otherwise {@code FaceAnalysis.distanceTo}, caching analyses by
 * image hash; the locator finds every face by analysing, blanking the reported face and analysing
 * again (or calls a public detector method if the engine exposes one); {@link #close()} closes
 * the engine. Until then {@link #open()} reports that no engine is built in and the regression
 * test is skipped.
 */
public final class EngineBinding implements AutoCloseable {

  private final String name;
  private final PairScorer scorer;
  private final FaceLocator locator;

  private EngineBinding(String name, PairScorer scorer, FaceLocator locator) {
    this.name = name;
    this.scorer = scorer;
    this.locator = locator;
  }

  /** The engine of this build, or empty with no engine (before the merge, or without models). */
  public static Optional<EngineBinding> open() {
    return Optional.empty();
  }

  /** Why {@link #open()} is empty, for messages and skipped tests. */
  public static String unavailableReason() {
    return "no face engine is wired into the evaluation yet (EngineBinding.open)";
  }

  /** The engine's name for the report, e.g. {@code onnx-dlib-resnet}. */
  public String name() {
    return name;
  }

  public PairScorer scorer() {
    return scorer;
  }

  public FaceLocator locator() {
    return locator;
  }

  @Override
  public void close() {
    // Nothing to release until an engine is wired.
  }
}
