package io.idforge.identity.core.domain.process;

import io.idforge.identity.api.reasons.ReasonCatalogue;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a process or a validation stands: {@code pending} until it ends {@code success} or
 * {@code failure}; a failure has a {@code failure_status} and at most one catalogued reason
 * ({@code declined_reason} when declined, {@code expired_reason} when expired). Shared by
 * {@link IdentityProcess} and validations, which carry the same four columns.
 */
@Embeddable
public class Outcome {

  @Column(name = "status", length = 10, nullable = false)
  private String status;

  @Column(name = "failure_status", length = 20)
  private String failureStatus;

  @Column(name = "declined_reason", length = 80)
  private String declinedReason;

  @Column(name = "expired_reason", length = 80)
  private String expiredReason;

  protected Outcome() {}

  public static Outcome pending() {
    Outcome o = new Outcome();
    o.status = ProcessStatus.PENDING.wireValue();
    return o;
  }

  public boolean isPending() {
    return ProcessStatus.PENDING.wireValue().equals(status);
  }

  public void succeed() {
    requirePending();
    status = ProcessStatus.SUCCESS.wireValue();
  }

  /** @throws IllegalArgumentException when {@code reason} is not a catalogued declined reason */
  public void decline(String reason) {
    requirePending();
    if (!ReasonCatalogue.standard().isDeclinedReason(reason)) {
      throw new IllegalArgumentException("not a catalogued declined_reason: " + reason);
    }
    fail(FailureStatus.DECLINED);
    declinedReason = reason;
  }

  /** @throws IllegalArgumentException when {@code reason} is not a catalogued expired reason */
  public void expire(String reason) {
    requirePending();
    if (!ReasonCatalogue.standard().isExpiredReason(reason)) {
      throw new IllegalArgumentException("not a catalogued expired_reason: " + reason);
    }
    fail(FailureStatus.EXPIRED);
    expiredReason = reason;
  }

  public void failWithSystemError() {
    requirePending();
    fail(FailureStatus.SYSTEM_ERROR);
  }

  private void fail(FailureStatus failure) {
    status = ProcessStatus.FAILURE.wireValue();
    failureStatus = failure.wireValue();
  }

  private void requirePending() {
    if (!isPending()) {
      throw new IllegalStateException("already finished as " + status);
    }
  }

  public ProcessStatus status() {
    return ProcessStatus.fromWire(status).orElseThrow();
  }

  public FailureStatus failureStatus() {
    return failureStatus == null ? null : FailureStatus.fromWire(failureStatus).orElseThrow();
  }

  public String declinedReason() {
    return declinedReason;
  }

  public String expiredReason() {
    return expiredReason;
  }
}
