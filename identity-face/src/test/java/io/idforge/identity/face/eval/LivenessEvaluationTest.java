package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.idforge.identity.api.spi.LivenessReport.Verdict;
import io.idforge.identity.face.eval.LivenessEvaluation.Kind;
import io.idforge.identity.face.eval.LivenessEvaluation.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Gate of the synthetic liveness evaluation (docs/liveness-evaluation.md): the rates measured
 * there must hold. The report of each run is written to {@code target/liveness-eval/report.md}.
 * Synthetic: warps of still portraits, not people (see {@link SyntheticHeadMotion}).
 *
 * <p>Measured 2026-12-06 (seed 20261205, 8 levelled, sharp, frontal subjects, 5 live bursts each,
 * default rules, challenges of {@code open-mouth} and one or two head movements): live 29/40
 * passed (72.5 %); still 0/8, hand-held 0/8, tilted or bent photo 0/8, reordered 0/8 (5 named
 * {@code actions_not_in_expected_order}), replay 0/8 passed. Check time per burst of 10-14 frames:
 * median 339 ms, max 1.8 s with other builds loading the 2-core machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivenessEvaluationTest {

  static final long SEED = 20261205L;

  /** Subjects (frontal ones, the two portraits first): bounds the run to a few minutes. */
  static final int MAX_SUBJECTS = 10;

  /** Live bursts per subject. */
  static final int LIVE_BURSTS = 5;

  /** Share of synthetic live bursts that must pass (measured 29/40 = 72.5 %). */
  static final double MIN_LIVE_PASS = 0.70;

  /**
   * Share of reordered bursts that must be named out of order (measured 5/8: with the mouth in
   * every challenge a reordered burst more often also misses an action in the judge's eyes).
   */
  static final double MIN_NAMED_OUT_OF_ORDER = 0.60;

  /**
   * Burst time must stay within a few seconds (frames of 480×640; measured max 3.6 s with the
   * machine's two cores shared by many builds: load average about 35).
   */
  static final long MAX_BURST_MILLIS = 8_000;

  private EngineBinding binding;
  private List<Outcome> outcomes;

  @BeforeAll
  void evaluate() throws Exception {
    Optional<EngineBinding> opened = EngineBinding.open();
    if (opened.isEmpty()) {
      return;
    }
    binding = opened.get();
    List<String> notes = new ArrayList<>();
    List<SubjectFace> faces = SyntheticEvalSet.subjects(SubjectSources.defaultPortraits(),
        FaceApiDemoPhotos.defaultCache(), Optional.of(binding.locator()), notes);
    LivenessEvaluation eval = new LivenessEvaluation(binding.engine());
    List<LivenessEvaluation.Subject> subjects = eval.prepare(faces, MAX_SUBJECTS, notes);
    outcomes = eval.run(subjects, SEED, LIVE_BURSTS);
    String report = LivenessEvaluation.report(outcomes, subjects.size(), notes);
    Path out = Path.of("target", "liveness-eval");
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.md"), report, StandardCharsets.UTF_8);
    System.out.println(report);
  }

  @AfterAll
  void close() {
    if (binding != null) {
      binding.close();
    }
  }

  private List<Outcome> of(Kind kind) {
    assumeTrue(binding != null, () -> "face engine unavailable: " + EngineBinding.unavailableReason());
    List<Outcome> list = outcomes.stream().filter(o -> o.kind() == kind).toList();
    assertTrue(list.size() >= 2, "too few " + kind + " bursts: " + list.size());
    return list;
  }

  @Test
  void syntheticLiveBurstsPass() {
    List<Outcome> live = of(Kind.LIVE);
    long passed = live.stream().filter(o -> o.report().passed()).count();
    assertTrue(passed >= MIN_LIVE_PASS * live.size(), passed + " of " + live.size() + " live bursts passed");
  }

  @Test
  void stillPhotosAreAllRejected() {
    assertEquals(0, of(Kind.STILL).stream().filter(o -> o.report().passed()).count());
  }

  @Test
  void handHeldPhotosAreAllRejected() {
    assertEquals(0, of(Kind.HAND_HELD).stream().filter(o -> o.report().passed()).count());
  }

  @Test
  void tiltedAndBentPhotosAreAllRejected() {
    assertEquals(0, of(Kind.TILTED_PHOTO).stream().filter(o -> o.report().passed()).count());
  }

  @Test
  void reorderedAndReplayedBurstsAreAllRejected() {
    assertEquals(0, of(Kind.REORDERED).stream().filter(o -> o.report().passed()).count());
    assertEquals(0, of(Kind.REPLAY).stream().filter(o -> o.report().passed()).count());
  }

  @Test
  void reorderedBurstsAreMostlyNamedOutOfOrder() {
    List<Outcome> reordered = of(Kind.REORDERED);
    long named = reordered.stream().filter(o -> o.report().verdict() == Verdict.OUT_OF_ORDER).count();
    assertTrue(named >= MIN_NAMED_OUT_OF_ORDER * reordered.size(), named + " of " + reordered.size());
  }

  @Test
  void aBurstIsCheckedWithinSeconds() {
    List<Outcome> all = of(Kind.LIVE);
    long slowest = outcomes.stream().mapToLong(Outcome::millis).max().orElseThrow();
    assertTrue(slowest <= MAX_BURST_MILLIS, "slowest burst " + slowest + " ms");
    assertTrue(all.size() > 0);
  }
}
