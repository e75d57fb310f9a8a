package io.idforge.identity.core.domain.process;

import static io.idforge.identity.core.TestData.now;
import static io.idforge.identity.core.TestData.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.PublicIds;
import org.junit.jupiter.api.Test;

class IdentityProcessTest {

  @Test
  void startsPendingWithAGeneratedProcessId() {
    IdentityProcess p = process(now().plusHours(2));
    assertTrue(PublicIds.looksLike(PublicIds.PROCESS, p.processId()), p.processId());
    assertEquals(ProcessStatus.PENDING, p.status());
    assertNull(p.failureStatus());
    assertEquals(0, p.currentStepIndex());
  }

  @Test
  void isOverdueExactlyFromItsDeadline() {
    IdentityProcess p = process(now().plusMinutes(10));
    assertFalse(p.isOverdue(now().plusMinutes(10).minusNanos(1)));
    assertTrue(p.isOverdue(now().plusMinutes(10)));
  }

  @Test
  void expireRecordsTheExpiredReasonOnly() {
    IdentityProcess p = process(now());
    p.expire("document_validation_not_started", now());
    assertEquals(ProcessStatus.FAILURE, p.status());
    assertEquals(FailureStatus.EXPIRED, p.failureStatus());
    assertEquals("document_validation_not_started", p.expiredReason());
    assertNull(p.declinedReason());
    assertFalse(p.isOverdue(now().plusDays(1)), "a finished process is never overdue");
  }

  @Test
  void declineRecordsTheDeclinedReasonOnly() {
    IdentityProcess p = process(now().plusHours(1));
    p.decline("blurry_image", now());
    assertEquals(FailureStatus.DECLINED, p.failureStatus());
    assertEquals("blurry_image", p.declinedReason());
    assertNull(p.expiredReason());
  }

  @Test
  void reasonsOutsideTheCatalogueAreRefused() {
    IdentityProcess p = process(now());
    assertThrows(IllegalArgumentException.class, () -> p.expire("blurry_image", now()));
    assertThrows(IllegalArgumentException.class, () -> p.decline("made_up_reason", now()));
    assertEquals(ProcessStatus.PENDING, p.status());
  }

  @Test
  void aFinishedProcessCannotChangeAgain() {
    IdentityProcess p = process(now());
    p.succeed(now());
    assertThrows(ConflictException.class, () -> p.expire("validation_not_performed", now()));
    assertThrows(ConflictException.class, () -> p.decline("canceled", now()));
    assertEquals(ProcessStatus.SUCCESS, p.status());
  }

  @Test
  void graceIsGrantedAtMostThreeTimes() {
    IdentityProcess p = process(now());
    for (int i = 1; i <= IdentityProcess.MAX_GRACE_EXTENSIONS; i++) {
      assertTrue(p.extendForPendingChecks(now()));
      assertEquals(now().plus(IdentityProcess.GRACE), p.expiresAt());
    }
    assertFalse(p.extendForPendingChecksPossible());
    assertFalse(p.extendForPendingChecks(now()));
  }
}
