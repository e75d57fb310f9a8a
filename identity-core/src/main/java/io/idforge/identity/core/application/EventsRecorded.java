package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.event.ProcessEvent;
import java.util.List;

/**
 * The events one save appended to the log; fired inside the transaction, for observers that act
 * only once it committed ({@code TransactionPhase.AFTER_SUCCESS}: metrics, never a delivery).
 * {@code finished} holds, as typed values, the outcome of every process that ended in this save,
 * so observers need not parse the events' JSON snapshots back (the expiry sweep fires one per
 * expired process).
 */
public record EventsRecorded(List<ProcessEvent> events, List<Finished> finished) {

  /** How a process ended: status and failure status wire values, the declined or expired reason. */
  public record Finished(String status, String failureStatus, String reason) {}
}
