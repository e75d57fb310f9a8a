package io.idforge.identity.face.liveness;

import static io.idforge.identity.api.spi.LivenessAction.LOOK_DOWN;
import static io.idforge.identity.api.spi.LivenessAction.LOOK_LEFT;
import static io.idforge.identity.api.spi.LivenessAction.LOOK_RIGHT;
import static io.idforge.identity.api.spi.LivenessAction.LOOK_UP;
import static io.idforge.identity.api.spi.LivenessAction.OPEN_MOUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.spi.LivenessAction;
import io.idforge.identity.api.spi.LivenessReport;
import io.idforge.identity.api.spi.LivenessReport.ActionResult;
import io.idforge.identity.api.spi.LivenessReport.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judgement of a burst's poses, table by table; poses are made up, the rules the defaults. */
class ActionJudgeTest {

  private static final FacePose NEUTRAL = new FacePose(0.02, 0.55, 0.05);
  private final ActionJudge judge = new ActionJudge(LivenessRules.defaults());

  /** The pose of a clearly performed action. */
  private static FacePose doing(LivenessAction a) {
    return switch (a) {
      case LOOK_LEFT -> new FacePose(0.40, 0.57, 0.05);
      case LOOK_RIGHT -> new FacePose(-0.36, 0.58, 0.05);
      case LOOK_UP -> new FacePose(0.03, 0.40, 0.06);
      case LOOK_DOWN -> new FacePose(0.01, 0.70, 0.04);
      case OPEN_MOUTH -> new FacePose(0.02, 0.54, 0.45);
    };
  }

  /** Two neutral frames, then four frames per performed action: easing in, held twice, easing out. */
  private static List<FacePose> burst(LivenessAction... performed) {
    List<FacePose> poses = new ArrayList<>(List.of(NEUTRAL, NEUTRAL));
    for (LivenessAction a : performed) {
      poses.addAll(List.of(NEUTRAL, doing(a), doing(a), NEUTRAL));
    }
    return poses;
  }

  private static List<Boolean> seen(LivenessReport r) {
    return r.actions().stream().map(ActionResult::seen).toList();
  }

  @Test
  void theAskedActionsInTheAskedOrderPass() {
    List<LivenessAction> asked = List.of(LOOK_LEFT, OPEN_MOUTH, LOOK_UP);
    LivenessReport r = judge.judge(burst(LOOK_LEFT, OPEN_MOUTH, LOOK_UP), asked);
    assertEquals(Verdict.PASSED, r.verdict(), r.detail());
    assertEquals(List.of(true, true, true), seen(r));
    assertEquals(asked, r.actions().stream().map(ActionResult::action).toList());
    assertEquals(0, r.referenceFrame());
  }

  @Test
  void everyActionIsRecognised() {
    for (LivenessAction a : LivenessAction.values()) {
      LivenessAction other = a == LOOK_DOWN ? LOOK_RIGHT : LOOK_DOWN;
      assertEquals(Verdict.PASSED, judge.judge(burst(a, other), List.of(a, other)).verdict(), a.wireValue());
    }
  }

  @Test
  void aStillFaceShowsNothing() {
    List<FacePose> still = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      still.add(NEUTRAL);
    }
    LivenessReport r = judge.judge(still, List.of(LOOK_LEFT, LOOK_DOWN));
    assertEquals(Verdict.ACTIONS_MISSING, r.verdict());
    assertEquals(List.of(false, false), seen(r));
  }

  @Test
  void theSameActionsInAnotherOrderAreOutOfOrder() {
    LivenessReport r = judge.judge(burst(OPEN_MOUTH, LOOK_RIGHT), List.of(LOOK_RIGHT, OPEN_MOUTH));
    assertEquals(Verdict.OUT_OF_ORDER, r.verdict());
    assertEquals(List.of(false, false), seen(r));
  }

  @Test
  void aBurstMadeForAnotherChallengeMissesActions() {
    LivenessReport r = judge.judge(burst(LOOK_LEFT, LOOK_UP), List.of(LOOK_LEFT, OPEN_MOUTH));
    assertEquals(Verdict.ACTIONS_MISSING, r.verdict());
    assertEquals(List.of(true, false), seen(r));
  }

  @Test
  void aSingleFrameSpikeIsNoise() {
    List<FacePose> poses = new ArrayList<>(List.of(NEUTRAL, NEUTRAL));
    poses.addAll(List.of(NEUTRAL, doing(LOOK_LEFT), NEUTRAL, NEUTRAL));
    poses.addAll(List.of(NEUTRAL, doing(LOOK_UP), doing(LOOK_UP), NEUTRAL));
    assertEquals(List.of(false, true), seen(judge.judge(poses, List.of(LOOK_LEFT, LOOK_UP))));
  }

  @Test
  void aTurnSwingingBetweenTwoActionsShowsNeither() {
    // Unsteady landmarks: up, down, up, down in one turn. Before the majority rule both counted,
    // and a burst made for another challenge passed on turns that showed everything.
    List<FacePose> poses = new ArrayList<>(List.of(NEUTRAL, NEUTRAL));
    poses.addAll(List.of(doing(LOOK_UP), doing(LOOK_DOWN), doing(LOOK_UP), doing(LOOK_DOWN)));
    poses.addAll(List.of(doing(LOOK_DOWN), doing(LOOK_UP), doing(LOOK_DOWN), doing(LOOK_UP)));
    LivenessReport r = judge.judge(poses, List.of(LOOK_UP, LOOK_DOWN));
    assertEquals(List.of(false, false), seen(r));
    assertEquals(Verdict.ACTIONS_MISSING, r.verdict());
  }

  @Test
  void theActionHeldLongestInItsTurnCounts() {
    List<FacePose> poses = new ArrayList<>(List.of(NEUTRAL, NEUTRAL));
    poses.addAll(List.of(doing(LOOK_UP), doing(LOOK_LEFT), doing(LOOK_LEFT), doing(LOOK_LEFT)));
    poses.addAll(List.of(NEUTRAL, doing(OPEN_MOUTH), doing(OPEN_MOUTH), NEUTRAL));
    LivenessReport r = judge.judge(poses, List.of(LOOK_LEFT, OPEN_MOUTH));
    assertEquals(Verdict.PASSED, r.verdict(), r.detail());
  }

  @Test
  void theDetailSaysByHowMuchAMissedActionFellShort() {
    List<FacePose> poses = new ArrayList<>(List.of(NEUTRAL, NEUTRAL));
    FacePose halfTurn = new FacePose(0.10, 0.55, 0.05);
    poses.addAll(List.of(NEUTRAL, halfTurn, halfTurn, NEUTRAL));
    poses.addAll(List.of(NEUTRAL, doing(LOOK_UP), doing(LOOK_UP), NEUTRAL));
    LivenessReport r = judge.judge(poses, List.of(LOOK_LEFT, LOOK_UP));
    // yaw moved by 0.08 of the 0.16 threshold: half of what counts.
    assertTrue(r.detail().contains("look-left: nothing (peak 0.50)"), r.detail());
  }

  @Test
  void onlyTheDominantMeasureCounts() {
    // A turn that also moves the pitch measure a little is a turn, not a look down.
    FacePose turnWithTilt = new FacePose(0.45, 0.65, 0.05);
    List<FacePose> poses = new ArrayList<>(List.of(NEUTRAL, NEUTRAL));
    poses.addAll(List.of(NEUTRAL, turnWithTilt, turnWithTilt, NEUTRAL));
    poses.addAll(List.of(NEUTRAL, turnWithTilt, turnWithTilt, NEUTRAL));
    LivenessReport r = judge.judge(poses, List.of(LOOK_LEFT, LOOK_DOWN));
    assertEquals(List.of(true, false), seen(r));
    assertEquals(Verdict.ACTIONS_MISSING, r.verdict());
  }

  @Test
  void unsteadyNeutralFramesCannotBeJudged() {
    List<FacePose> poses = burst(LOOK_LEFT, LOOK_UP);
    poses.set(1, new FacePose(0.15, 0.55, 0.05));
    LivenessReport r = judge.judge(poses, List.of(LOOK_LEFT, LOOK_UP));
    assertEquals(Verdict.ACTIONS_MISSING, r.verdict());
  }

  @Test
  void noFaceInTheNeutralFramesIsNoFace() {
    List<FacePose> poses = burst(LOOK_LEFT, LOOK_UP);
    poses.set(0, null);
    poses.set(1, null);
    assertEquals(Verdict.NO_FACE, judge.judge(poses, List.of(LOOK_LEFT, LOOK_UP)).verdict());
  }

  @Test
  void theMostFrontalNeutralFrameIsTheReference() {
    List<FacePose> poses = burst(LOOK_LEFT, LOOK_UP);
    poses.set(0, new FacePose(0.08, 0.55, 0.05));
    poses.set(1, new FacePose(0.01, 0.55, 0.05));
    assertEquals(1, judge.judge(poses, List.of(LOOK_LEFT, LOOK_UP)).referenceFrame());
  }

  @Test
  void aBurstOfAnotherChallengesLengthIsRefused() {
    // Six frames per turn instead of four: a burst recorded for a longer challenge. Split in two
    // it shows look-up, then the mouth, and passed before the length was checked.
    List<FacePose> poses = new ArrayList<>(List.of(NEUTRAL, NEUTRAL));
    poses.addAll(List.of(doing(LOOK_UP), doing(LOOK_UP), doing(LOOK_UP), NEUTRAL, NEUTRAL, NEUTRAL));
    poses.addAll(List.of(doing(OPEN_MOUTH), doing(OPEN_MOUTH), doing(OPEN_MOUTH), NEUTRAL, NEUTRAL,
        NEUTRAL));
    LivenessReport r = judge.judge(poses, List.of(LOOK_UP, OPEN_MOUTH));
    assertEquals(Verdict.ACTIONS_MISSING, r.verdict(), r.detail());
    assertEquals(-1, r.referenceFrame());
  }

  @Test
  void aBurstTooShortForItsActionsIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> judge.judge(Arrays.asList(NEUTRAL, NEUTRAL, NEUTRAL), List.of(LOOK_LEFT, LOOK_UP)));
  }
}
