package io.idforge.identity.core.engine;

import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.validation.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a process got, step by step, as results show it: each step's status (its latest
 * validation's {@code validation_status}, {@code in_progress} for the step the process is on when
 * the user has not begun it, else {@code pending}), the step the process is on, and the last step
 * that finished.
 */
public final class StepProgress {

  /**
   * One step.
   *
   * @param validation the step's latest validation, or null when it was never started
   */
  public record Step(int index, FlowStep step, String status, Validation validation) {}

  private StepProgress() {}

  public static List<Step> of(IdentityProcess p, List<FlowStep> steps, List<Validation> ordered) {
    List<Step> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Validation latest = ProcessRecord.latestAt(ordered, i);
      String status;
      if (latest != null) {
        status = latest.status().wireValue();
      } else if (i == p.currentStepIndex() && p.isPending()) {
        status = "in_progress";
      } else {
        status = "pending";
      }
      out.add(new Step(i, steps.get(i), status, latest));
    }
    return out;
  }

  /** The step the process is on, or null once it finished. */
  public static Step current(IdentityProcess p, List<Step> progress) {
    return p.isPending() && p.currentStepIndex() < progress.size() ? progress.get(p.currentStepIndex()) : null;
  }

  /** The last step whose validation finished (succeeded or failed), or null. */
  public static Step lastFinished(List<Step> progress) {
    Step last = null;
    for (Step s : progress) {
      if (s.validation() != null && !s.validation().isPending()) {
        last = s;
      }
    }
    return last;
  }

  /**
   * Where a validation's manual review stands, for results: {@code pending} while a human has not
   * decided, {@code approved} or {@code declined} after, {@code expired} when nobody decided in
   * time; null when it never went to review.
   */
  public static String manualReviewStatus(Validation v, boolean decided, Boolean approved) {
    if (v.inReview()) {
      return "pending";
    }
    if ("manual_review_expired".equals(v.expiredReason())) {
      return "expired";
    }
    if (decided) {
      return Boolean.TRUE.equals(approved) ? "approved" : "declined";
    }
    return null;
  }
}
