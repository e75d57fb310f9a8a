package io.idforge.identity.core.engine;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.validation.Validation;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code object} of an event: a snapshot of the changed object in Truora's field names, small
 * and free of personal data (no names, document numbers, phones or e-mails), so that a webhook
 * receiver or a timeline can read it without asking again.
 */
public final class EventSnapshots {

  private EventSnapshots() {}

  public static String process(IdentityProcess p) {
    // Written directly (SnapshotJson), not through the JSON-P builder: one per expired process.
    return new SnapshotJson()
        .add("process_id", p.processId())
        .add("identity_process_id", p.processId())
        .add("client_id", p.clientId())
        .add("account_id", p.accountId())
        .add("flow_id", p.flowId())
        .add("flow_version", p.flowVersion())
        .add("country", p.country())
        .add("created_via", p.createdVia())
        .add("status", p.status().wireValue())
        .add("current_step_index", p.currentStepIndex())
        .addIfPresent("failure_status", p.failureStatus() == null ? null : p.failureStatus().wireValue())
        .addIfPresent("declined_reason", p.declinedReason())
        .addIfPresent("expired_reason", p.expiredReason())
        .addIfPresent("override_status", p.overrideStatus())
        .add("creation_date", date(p.createdAt()))
        .add("update_date", date(p.updatedAt()))
        .toString();
  }

  public static String validation(Validation v) {
    JsonObjectBuilder o =
        JSON.createObjectBuilder()
            .add("validation_id", v.validationId())
            .add("client_id", v.clientId())
            .add("account_id", v.accountId())
            .add("type", v.type().wireValue())
            .add("validation_status", v.status().wireValue())
            .add("state", v.state().wireValue())
            .add("allowed_retries", v.allowedRetries())
            .add("remaining_retries", v.remainingRetries());
    addIfPresent(o, "identity_process_id", v.processId());
    addIfPresent(o, "failure_status", v.failureStatus() == null ? null : v.failureStatus().wireValue());
    addIfPresent(o, "declined_reason", v.declinedReason());
    addIfPresent(o, "expired_reason", v.expiredReason());
    if (v.threshold() != null) {
      o.add("threshold", v.threshold());
    }
    o.add("creation_date", date(v.createdAt())).add("update_date", date(v.updatedAt()));
    return o.build().toString();
  }

  public static String review(ReviewTask t) {
    JsonObjectBuilder o =
        JSON.createObjectBuilder()
            .add("review_id", t.reviewId())
            .add("validation_id", t.validationId())
            .add("validation_type", t.validationType())
            .add("reason", t.reason())
            .add("status", t.status())
            .add("due_date", date(t.dueAt()));
    addIfPresent(o, "identity_process_id", t.processId());
    addIfPresent(o, "decision", t.decision());
    addIfPresent(o, "decision_reason", t.decisionReason());
    addIfPresent(o, "decided_by", t.decidedBy());
    return o.build().toString();
  }

  private static void addIfPresent(JsonObjectBuilder o, String name, String value) {
    if (value != null) {
      o.add(name, value);
    }
  }

  /**
   * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}'s text. The snapshot dates are UTC (the
   * entities' converter makes them so) and written for every event, where the general formatter
   * was a twentieth of the expiry sweep's CPU: a UTC date of years 0 to 9999 is written directly,
   * with the same digits (seconds always, a fraction without trailing zeros only when non-zero,
   * {@code Z}); any other goes through the formatter ({@code EventSnapshotsTest} compares both).
   */
  static String date(OffsetDateTime t) {
    int year = t.getYear();
    if (!ZoneOffset.UTC.equals(t.getOffset()) || year < 0 || year > 9999) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    StringBuilder b = new StringBuilder(32);
    pad(b, year, 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2);
    int nano = t.getNano();
    if (nano != 0) {
      int digits = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        digits--;
      }
      pad(b.append('.'), nano, digits);
    }
    return b.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(digits);
  }
}
