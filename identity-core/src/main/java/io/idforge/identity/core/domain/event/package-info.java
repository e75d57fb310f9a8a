/**
 * The event log: one row per state change of a process, a validation or a review, written in the
 * transaction that makes the change. It is the outbox webhooks drain and the source of a process's
 * timeline; nothing is sent or published from inside that transaction.
 */
package io.idforge.identity.core.domain.event;
