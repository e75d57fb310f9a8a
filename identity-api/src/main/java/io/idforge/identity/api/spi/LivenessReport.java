package io.idforge.identity.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link LivenessChecker} found in a burst of frames.
 *
 * @param verdict whether the asked actions were seen, in order, by one face
 * @param actions one entry per asked action, in the asked order: whether it was seen in its turn
 * @param referenceFrame index of the frame to compare with the document (a frontal frame), or -1
 *     when none is usable
 * @param detail a short technical note for reviewers and logs (measures, never personal data)
 */
public record LivenessReport(
    Verdict verdict, List<ActionResult> actions, int referenceFrame, String detail) {

  /** The outcomes of an active-liveness check. */
  public enum Verdict {
    /** Every asked action was seen in its turn, by one and the same face. */
    PASSED,
    /** An asked action was not seen (a still photo, a replay made for another challenge). */
    ACTIONS_MISSING,
    /** The asked actions were all seen, but not in the asked order. */
    OUT_OF_ORDER,
    /** A frame shows more than one face, or the face changed between frames. */
    NOT_ONE_FACE,
    /** Too many frames without a usable face to judge. */
    NO_FACE,
    /** A frame could not be decoded. */
    UNREADABLE
  }

  /** One asked action and whether it was seen in its turn. */
  public record ActionResult(LivenessAction action, boolean seen) {
    public ActionResult {
      Objects.requireNonNull(action, "action");
    }
  }

  public LivenessReport {
    Objects.requireNonNull(verdict, "verdict");
    actions = List.copyOf(actions);
    Objects.requireNonNull(detail, "detail");
  }

  public boolean passed() {
    return verdict == Verdict.PASSED;
  }
}
