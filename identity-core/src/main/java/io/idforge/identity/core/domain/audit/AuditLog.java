package io.idforge.identity.core.domain.audit;

import java.util.List;

/** Port for the audit trail: append and read only. */
public interface AuditLog {

  /** The chain's last entry id and hash, with the head locked until the transaction ends. */
  Head lockHead();

  /** The chain's end without locking it. */
  Head head();

  /** Stores the entry and moves the (locked) head to it. */
  void append(AuditEntry entry);

  /** Where the chain ends. */
  record Head(long lastId, String lastHash) {}

  /** Newest first, filtered, at most {@code limit}. */
  List<AuditEntry> list(AuditFilter filter, int limit);

  /** All entries with an id above {@code afterId}, oldest first, at most {@code limit}: for verification. */
  List<AuditEntry> chainFrom(long afterId, int limit);
}
