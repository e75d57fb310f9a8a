package io.idforge.identity.face.eval;

import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.face.engine.SimilarityScale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The scored pairs of one run, and the figures derived from them. Scoring is the only I/O here
 * (reading the images named by the pairs); the figures come from the pure {@link ErrorRates} and
 * {@link ScoreDistribution}.
 */
public record Evaluation(List<ScoredPair> pairs) {

  private static final Logger LOG = Logger.getLogger(Evaluation.class.getName());

  public Evaluation {
    pairs = List.copyOf(pairs);
  }

  /** Scores every pair of {@code folder} (paths relative to it) with {@code scorer}, in order. */
  public static Evaluation run(Path folder, List<LabelledPair> pairs, PairScorer scorer)
      throws FaceEngineException {
    List<ScoredPair> scored = new ArrayList<>(pairs.size());
    for (LabelledPair p : pairs) {
      byte[] left = PairsFile.bytes(folder, p.left());
      byte[] right = PairsFile.bytes(folder, p.right());
      scored.add(new ScoredPair(p, scorer.score(left, right)));
      if (scored.size() % 100 == 0) {
        LOG.info(() -> "scored " + scored.size() + " of " + pairs.size() + " pairs");
      }
    }
    return new Evaluation(scored);
  }

  /** Pairs with this label, compared or not. */
  public int count(Label label) {
    return (int) pairs.stream().filter(p -> p.pair().label() == label).count();
  }

  /** Pairs with this label for which no comparable face was acquired on {@code side}. */
  public int failuresToAcquire(Label label, PairScore.Side side) {
    return (int)
        pairs.stream()
            .filter(p -> p.pair().label() == label && side == p.score().failedSide())
            .count();
  }

  /** Pairs with this label for which no comparable face was acquired, on any side. */
  public int failuresToAcquire(Label label) {
    return count(label) - distances(label).length;
  }

  /** Distances of the compared pairs with this label. */
  public double[] distances(Label label) {
    return pairs.stream()
        .filter(p -> p.pair().label() == label && p.score().acquired())
        .mapToDouble(p -> p.score().distance().getAsDouble())
        .toArray();
  }

  /** The same distances on the contract's similarity scale. */
  public double[] similarities(Label label) {
    double[] d = distances(label);
    double[] s = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      s[i] = SimilarityScale.similarity(d[i]);
    }
    return s;
  }

  /** Error rates over the compared pairs (failures to acquire are reported separately). */
  public ErrorRates errorRates() {
    return new ErrorRates(distances(Label.GENUINE), distances(Label.IMPOSTOR));
  }
}
