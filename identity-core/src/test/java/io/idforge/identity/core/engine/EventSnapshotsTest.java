package io.idforge.identity.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.OverdueRow;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The snapshots' dates are exactly {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}'s text, and the
 * process snapshot written directly is exactly the JSON-P builder's text.
 */
class EventSnapshotsTest {

  @Test
  void datesAreWrittenAsTheIsoFormatterWritesThem() {
    SplittableRandom random = new SplittableRandom(11);
    long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    int[] nanos = {0, 1, 10, 100_000, 120_000_000, 123_456_000, 123_456_789, 999_999_999, 500_000_000};
    for (int i = 0; i < 20_000; i++) {
      int nano = i % 2 == 0 ? nanos[i % nanos.length] : random.nextInt(1_000_000_000);
      long second = i < 200 ? Instant.parse("2026-03-01T12:00:00Z").getEpochSecond() + i : random.nextLong(from, to);
      assertSame(OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano), ZoneOffset.UTC));
    }
  }

  @Test
  void otherOffsetsAndFarYearsKeepTheFormatter() {
    assertSame(OffsetDateTime.parse("2026-03-01T07:00:05.5-05:00"));
    assertSame(OffsetDateTime.parse("+12026-03-01T07:00:00Z"));
    assertSame(OffsetDateTime.parse("-0001-03-01T07:00:00Z"));
    assertEquals("2026-03-01T12:00:00Z", EventSnapshots.date(OffsetDateTime.parse("2026-03-01T12:00Z")));
    assertEquals("2026-03-01T12:00:00.12Z", EventSnapshots.date(OffsetDateTime.parse("2026-03-01T12:00:00.120Z")));
  }

  private static void assertSame(OffsetDateTime t) {
    assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t), EventSnapshots.date(t), t::toString);
  }

  @Test
  void processSnapshotIsTheJsonBuildersText() {
    OffsetDateTime created = OffsetDateTime.parse("2026-03-01T12:00:00.123456Z");
    String awkward = "a\"b\\c/d\u0000\u0001\b\f\n\r\t\u001f\u007f é ñ 𝄞 </script>";
    for (String account : new String[] {"customer-42", awkward, ""}) {
      IdentityProcess p = IdentityProcess.claimed(new OverdueRow(7L, "IDPabc", "TCIxyz", account, "IPF" + account,
          3, "CO", "web", 2, 1, created, created.plusSeconds(5), created.plusMinutes(10)));
      assertEquals(builderText(p), EventSnapshots.process(p), account);
      p.expire("manual_review_expired", created.plusMinutes(11));
      assertEquals(builderText(p), EventSnapshots.process(p), account);
    }
  }

  /** The snapshot as JSON-P's builder wrote it before the direct writer: the reference text. */
  private static String builderText(IdentityProcess p) {
    JsonObjectBuilder o = JSON.createObjectBuilder()
        .add("process_id", p.processId())
        .add("identity_process_id", p.processId())
        .add("client_id", p.clientId())
        .add("account_id", p.accountId())
        .add("flow_id", p.flowId())
        .add("flow_version", p.flowVersion())
        .add("country", p.country())
        .add("created_via", p.createdVia())
        .add("status", p.status().wireValue())
        .add("current_step_index", p.currentStepIndex());
    if (p.failureStatus() != null) {
      o.add("failure_status", p.failureStatus().wireValue());
    }
    if (p.expiredReason() != null) {
      o.add("expired_reason", p.expiredReason());
    }
    o.add("creation_date", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.createdAt()))
        .add("update_date", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.updatedAt()));
    return o.build().toString();
  }
}
