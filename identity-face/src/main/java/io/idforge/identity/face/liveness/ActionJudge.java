package io.idforge.identity.face.liveness;

import io.idforge.identity.api.spi.LivenessAction;
import io.idforge.identity.api.spi.LivenessChecker;
import io.idforge.identity.api.spi.LivenessReport;
import io.idforge.identity.api.spi.LivenessReport.ActionResult;
import io.idforge.identity.api.spi.LivenessReport.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Judges the poses of a burst against the asked actions. Pure: the engine work happened before.
 *
 * <p>The burst's layout is the page's contract ({@link LivenessChecker#check}): {@link
 * LivenessChecker#NEUTRAL_FRAMES} neutral frames, then one turn per asked action. The neutral
 * frames give the user's own baseline (faces differ: a long nose, a mouth that rests open), and
 * each turn must show its action as a change from that baseline. An action seen only in another
 * turn makes the burst {@link Verdict#OUT_OF_ORDER}; an action not seen at all {@link
 * Verdict#ACTIONS_MISSING}. A still or waved photo changes no measure, so it shows nothing.
 */
public final class ActionJudge {

  /** Frames of a turn that must show its action. */
  static final int MIN_FRAMES = 2;

  /** Frames the hosted page records per asked action (liveness.js {@code PER_ACTION}). */
  public static final int FRAMES_PER_ACTION = 4;

  private final LivenessRules rules;

  public ActionJudge(LivenessRules rules) {
    this.rules = rules;
  }

  /**
   * @param poses one entry per frame, null for a frame without a usable face
   * @param asked the asked actions in order
   * @return the verdict on poses alone (faces and identity are the analyser's part), with the
   *     reference frame set to the most frontal neutral frame
   */
  public LivenessReport judge(List<FacePose> poses, List<LivenessAction> asked) {
    int neutral = LivenessChecker.NEUTRAL_FRAMES;
    if (asked.isEmpty() || poses.size() < neutral + asked.size()) {
      throw new IllegalArgumentException("a burst needs " + neutral + " neutral frames and one per action");
    }
    int reference = -1;
    for (int i = 0; i < neutral; i++) {
      FacePose p = poses.get(i);
      if (p != null && (reference < 0 || Math.abs(p.yaw()) < Math.abs(poses.get(reference).yaw()))) {
        reference = i;
      }
    }
    List<ActionResult> none = asked.stream().map(a -> new ActionResult(a, false)).toList();
    if (poses.size() != neutral + FRAMES_PER_ACTION * asked.size()) {
      // A burst recorded for a challenge of another length splits into turns that straddle its
      // actions; one recorded for a longer challenge that contains the asked actions could pass.
      return new LivenessReport(Verdict.ACTIONS_MISSING, none, -1, String.format(Locale.ROOT,
          "%d frames for %d actions: the page records %d + %d per action", poses.size(),
          asked.size(), neutral, FRAMES_PER_ACTION));
    }
    if (reference < 0) {
      return new LivenessReport(Verdict.NO_FACE, none, -1, "no face in the neutral frames");
    }
    FacePose base = baseline(poses.subList(0, neutral));
    if (!steady(poses.subList(0, neutral))) {
      // Landmarks that jump between two frames of a still face would show actions nobody did.
      return new LivenessReport(Verdict.ACTIONS_MISSING, none, reference,
          "the neutral frames disagree: landmarks too unsteady to judge");
    }
    if (Math.abs(base.yaw()) > rules.neutralYaw()) {
      return new LivenessReport(Verdict.ACTIONS_MISSING, none, reference,
          String.format(Locale.ROOT, "not facing the camera at the start (yaw %.2f)", base.yaw()));
    }
    int actionFrames = poses.size() - neutral;
    List<Set<LivenessAction>> seenInTurn = new ArrayList<>();
    Set<LivenessAction> seenAnywhere = EnumSet.noneOf(LivenessAction.class);
    StringBuilder trace = new StringBuilder();
    for (int turn = 0; turn < asked.size(); turn++) {
      int from = neutral + turn * actionFrames / asked.size();
      int to = neutral + (turn + 1) * actionFrames / asked.size();
      Map<LivenessAction, Integer> counts = new EnumMap<>(LivenessAction.class);
      // The asked action's largest change in its turn, in multiples of its threshold: tells a
      // reviewer (and the evaluation) by how much a missed action fell short.
      double peak = Double.NEGATIVE_INFINITY;
      for (int f = from; f < to; f++) {
        FacePose p = poses.get(f);
        if (p != null) {
          shown(p, base).forEach(a -> counts.merge(a, 1, Integer::sum));
          peak = Math.max(peak, strength(p, base, asked.get(turn)));
        }
      }
      // An action counts when held for MIN_FRAMES frames of the turn (a single frame is noise)
      // and shown in more frames of the turn than any other action: landmarks that swing between
      // looking up and looking down in one turn show noise, not the asked action, and a burst
      // recorded for another challenge must not pass on turns that show everything at once.
      Set<LivenessAction> seen = EnumSet.noneOf(LivenessAction.class);
      int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      long leaders = counts.values().stream().filter(n -> n == most).count();
      counts.forEach((a, n) -> {
        if (n >= Math.min(MIN_FRAMES, to - from) && n == most && leaders == 1) {
          seen.add(a);
        }
      });
      seenInTurn.add(seen);
      seenAnywhere.addAll(seen);
      trace.append(turn == 0 ? "" : "; ").append(asked.get(turn).wireValue()).append(": ")
          .append(seen.isEmpty() ? "nothing" : names(seen))
          .append(String.format(Locale.ROOT, " (peak %.2f)", peak));
    }
    List<ActionResult> results = new ArrayList<>();
    boolean all = true;
    boolean allAnywhere = true;
    for (int turn = 0; turn < asked.size(); turn++) {
      LivenessAction a = asked.get(turn);
      boolean inTurn = seenInTurn.get(turn).contains(a);
      results.add(new ActionResult(a, inTurn));
      all &= inTurn;
      allAnywhere &= seenAnywhere.contains(a);
    }
    Verdict verdict = all ? Verdict.PASSED : allAnywhere ? Verdict.OUT_OF_ORDER : Verdict.ACTIONS_MISSING;
    return new LivenessReport(verdict, results, reference, "seen per turn: " + trace);
  }

  /**
   * The action a pose shows against the baseline: the measure that exceeds its threshold by the
   * largest factor (a turn also moves the pitch measure a little, and a face whose landmarks jump
   * about shows several at once: only the dominant one counts), or none.
   */
  Set<LivenessAction> shown(FacePose p, FacePose base) {
    LivenessAction best = null;
    double strongest = 1;
    for (LivenessAction a : LivenessAction.values()) {
      double s = strength(p, base, a);
      if (s > strongest) {
        strongest = s;
        best = a;
      }
    }
    return best == null ? EnumSet.noneOf(LivenessAction.class) : EnumSet.of(best);
  }

  /** How far a pose shows {@code action} against the baseline, in multiples of its threshold. */
  double strength(FacePose p, FacePose base, LivenessAction action) {
    double yaw = (p.yaw() - base.yaw()) / rules.yawChange();
    double pitch = (p.pitch() - base.pitch()) / rules.pitchChange();
    double mouth = (p.mouth() - base.mouth()) / rules.mouthChange();
    return switch (action) {
      case LOOK_LEFT -> yaw;
      case LOOK_RIGHT -> -yaw;
      case LOOK_UP -> -pitch;
      case LOOK_DOWN -> pitch;
      case OPEN_MOUTH -> mouth;
    };
  }

  /** Whether the usable neutral poses agree within half of each action's threshold. */
  private boolean steady(List<FacePose> neutral) {
    FacePose first = null;
    for (FacePose p : neutral) {
      if (p == null) {
        continue;
      }
      if (first == null) {
        first = p;
      } else if (Math.abs(p.yaw() - first.yaw()) > rules.yawChange() / 2
          || Math.abs(p.pitch() - first.pitch()) > rules.pitchChange() / 2
          || Math.abs(p.mouth() - first.mouth()) > rules.mouthChange() / 2) {
        return false;
      }
    }
    return true;
  }

  /** The mean of the usable neutral poses. */
  static FacePose baseline(List<FacePose> neutral) {
    double yaw = 0;
    double pitch = 0;
    double mouth = 0;
    int n = 0;
    for (FacePose p : neutral) {
      if (p != null) {
        yaw += p.yaw();
        pitch += p.pitch();
        mouth += p.mouth();
        n++;
      }
    }
    return new FacePose(yaw / n, pitch / n, mouth / n);
  }

  private static String names(Set<LivenessAction> actions) {
    return String.join("+", actions.stream().map(LivenessAction::wireValue).toList());
  }
}
