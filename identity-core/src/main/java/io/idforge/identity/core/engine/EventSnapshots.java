package io.idforge.identity.core.engine;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.validation.Validation;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The {@code object} of an event: a snapshot of the changed object in Truora's field names, small
 * and free of personal data (no names, document numbers, phones or e-mails), so that a webhook
 * receiver or a timeline can read it without asking again.
 */
public final class EventSnapshots {

  private EventSnapshots() {}

  public static String process(IdentityProcess p) {
    JsonObjectBuilder o =
        JSON.createObjectBuilder()
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
    addIfPresent(o, "failure_status", p.failureStatus() == null ? null : p.failureStatus().wireValue());
    addIfPresent(o, "declined_reason", p.declinedReason());
    addIfPresent(o, "expired_reason", p.expiredReason());
    addIfPresent(o, "override_status", p.overrideStatus());
    o.add("creation_date", date(p.createdAt())).add("update_date", date(p.updatedAt()));
    return o.build().toString();
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

  static String date(OffsetDateTime t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
  }
}
