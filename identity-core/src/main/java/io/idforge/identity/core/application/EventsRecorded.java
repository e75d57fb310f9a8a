package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.event.ProcessEvent;
import java.util.List;

/**
 * The events one save appended to the log; fired inside the transaction, for observers that act
 * only once it committed ({@code TransactionPhase.AFTER_SUCCESS}: metrics, never a delivery).
 */
public record EventsRecorded(List<ProcessEvent> events) {}
