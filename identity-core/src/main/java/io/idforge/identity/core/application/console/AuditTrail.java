package io.idforge.identity.core.application.console;

import io.idforge.identity.core.domain.audit.AuditEntry;
import io.idforge.identity.core.domain.audit.AuditFilter;
import io.idforge.identity.core.domain.audit.AuditLog;
import io.idforge.identity.core.domain.audit.AuditRecord;
import io.idforge.identity.core.domain.console.ConsoleRole;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Appends operator actions to the hash-chained trail, lists them for auditors and verifies the
 * chain. Appends take the chain head's row lock, so concurrent actions are chained one after the
 * other; an append joins the caller's transaction, so an action and its entry commit together.
 */
@Stateless
public class AuditTrail {

  /** Rows read per round while verifying. */
  static final int VERIFY_BATCH = 500;

  @Inject AuditLog log;

  @Inject Clock clock;

  /** Result of a verification: how many entries were checked and the id of the first broken one, if any. */
  public record Verification(long checked, Long firstBrokenId) {
    public boolean intact() {
      return firstBrokenId == null;
    }
  }

  public void append(AuditRecord record) {
    AuditLog.Head head = log.lockHead();
    log.append(new AuditEntry(head.lastId() + 1, record, OffsetDateTime.now(clock), head.lastHash()));
  }

  /** The actor's tenant's entries (an operator sees all), newest first. */
  public List<AuditEntry> list(ConsoleActor actor, String actorFilter, String action, OffsetDateTime from,
      OffsetDateTime to, int limit) {
    actor.require(ConsoleRole.AUDITOR, ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    boolean operator = actor.has(ConsoleRole.OPERATOR);
    String client = operator ? actor.clientId() : actor.tenantCaller().clientId();
    return log.list(new AuditFilter(client, operator && client == null, blankToNull(actorFilter),
        blankToNull(action), from, to), limit);
  }

  /**
   * Walks the whole chain oldest first: each entry must name its predecessor's hash and carry the
   * hash of its own fields. Reports the first entry where either fails (an altered row fails its
   * own hash; a removed or inserted one breaks the link of the next).
   */
  public Verification verify() {
    String expectedPrev = AuditEntry.GENESIS;
    long checked = 0;
    long after = 0;
    while (true) {
      List<AuditEntry> batch = log.chainFrom(after, VERIFY_BATCH);
      for (AuditEntry e : batch) {
        // Ids run without gaps from 1, so a deleted row shows as a jump as well as a broken link.
        if (e.id() != after + 1 || !e.prevHash().equals(expectedPrev) || !e.computeHash().equals(e.entryHash())) {
          return new Verification(checked, e.id());
        }
        expectedPrev = e.entryHash();
        checked++;
        after = e.id();
      }
      if (batch.size() < VERIFY_BATCH) {
        // Rows cut off the end leave the head pointing past the last one.
        AuditLog.Head head = log.head();
        if (head.lastId() != after || !head.lastHash().equals(expectedPrev)) {
          return new Verification(checked, after + 1);
        }
        return new Verification(checked, null);
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
