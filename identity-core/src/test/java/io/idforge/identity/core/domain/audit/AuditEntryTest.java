package io.idforge.identity.core.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 22, 0, 0, 123_456_789, ZoneOffset.ofHours(-5));

  static AuditEntry entry(long id, String summary, String prev) {
    return new AuditEntry(id, new AuditRecord("ana", "TCI1", "10.0.0.1", "review_decided", "REV1", summary), NOW, prev);
  }

  @Test
  void theHashCoversEveryFieldAndThePreviousHash() {
    AuditEntry e = entry(1, "before: open; after: approved", AuditEntry.GENESIS);
    assertEquals(64, e.entryHash().length());
    assertEquals(e.entryHash(), e.computeHash());
    assertNotEquals(e.entryHash(), entry(1, "before: open; after: declined", AuditEntry.GENESIS).entryHash());
    assertNotEquals(e.entryHash(), entry(2, "before: open; after: approved", AuditEntry.GENESIS).entryHash());
    assertNotEquals(e.entryHash(), entry(1, "before: open; after: approved", "1".repeat(64)).entryHash());
  }

  @Test
  void timeIsKeptInUtcAtMicrosecondsSoTheRowRecomputesTheSameHash() {
    AuditEntry e = entry(1, null, AuditEntry.GENESIS);
    assertEquals(ZoneOffset.UTC, e.occurredAt().getOffset());
    assertEquals(123_456_000, e.occurredAt().getNano());
  }

  @Test
  void longValuesAreCutToTheirColumns() {
    AuditEntry e = entry(1, "x".repeat(5000), AuditEntry.GENESIS);
    assertEquals(2000, e.summary().length());
  }
}
