package io.idforge.identity.web.metrics;

import java.util.List;

/**
 * The domain series' names, help texts and usual label values, shared by the MicroProfile Metrics
 * and the Micrometer adapter. No metrics API here: this class loads on every server.
 */
final class DomainSeries {

  static final String TOKENS_ISSUED = "identity.tokens.issued";
  static final String TOKENS_ISSUED_HELP =
      "Tokens and keys issued by POST /v1/api-keys, by key_type";

  static final String TOKENS_REJECTED = "identity.tokens.rejected";
  static final String TOKENS_REJECTED_HELP =
      "POST /v1/api-keys answered with an error, by reason (error family)";

  static final String PROCESSES_STARTED = "identity.processes.started";
  static final String PROCESSES_STARTED_HELP =
      "Processes created by the first open of a web token, by channel (api, hosted)";

  static final String PROCESSES_RESUMED = "identity.processes.resumed";
  static final String PROCESSES_RESUMED_HELP =
      "Reopenings of a process already started, by channel (api, hosted)";

  static final String PROCESSES_FINISHED = "identity.processes.finished";
  static final String PROCESSES_FINISHED_HELP =
      "Processes that reached success or failure, by status, failure_status and reason";

  static final String OTP_LIMITS_TRIPPED = "identity.otp.limits.tripped";
  static final String OTP_LIMITS_TRIPPED_HELP =
      "One-time-code sends refused by a limit (per_destination, per_process, per_tenant): alert on any";

  static final String CHECK_DURATION = "identity.checks.duration";
  static final String CHECK_DURATION_HELP =
      "Time a deferred check took to its verdict, by step_type and outcome (passed, failed, undecided, broken)";

  static final String REVIEW_QUEUE_OPEN = "identity.review.queue.open";
  static final String REVIEW_QUEUE_OPEN_HELP =
      "Open manual review tasks, by validation_type (as of the last expiry-job pass on this node)";

  static final String REVIEW_QUEUE_OLDEST_AGE = "identity.review.queue.oldest.age.seconds";
  static final String REVIEW_QUEUE_OLDEST_AGE_HELP =
      "Age in seconds of the oldest open review task, by validation_type (0 when none)";

  static final String WEBHOOK_ATTEMPTS = "identity.webhooks.attempts";
  static final String WEBHOOK_ATTEMPTS_HELP =
      "Webhook delivery attempts settled, by outcome (success, retry, failure)";

  static final String WEBHOOK_LAG = "identity.webhooks.delivery.lag";
  static final String WEBHOOK_LAG_HELP =
      "Time from an event's creation to its successful webhook delivery";

  static final List<String> KEY_TYPES = List.of("web", "sdk", "backend", "generator");
  static final List<String> REJECTION_REASONS = List.of("invalid_request", "forbidden", "unprocessable", "error");
  static final List<String> CHANNELS = List.of("api", "hosted");
  static final List<String> OTP_LIMITS = List.of("per_destination", "per_process", "per_tenant");
  static final List<String> STEP_TYPES =
      List.of("phone-verification", "email-verification", "document-validation", "face-recognition");
  static final List<String> CHECK_OUTCOMES = List.of("passed", "failed", "undecided", "broken");
  static final List<String> WEBHOOK_OUTCOMES = List.of("success", "retry", "failure");

  /** A missing label value (Prometheus label values may not be empty here). */
  static final String NONE = "none";

  private DomainSeries() {}
}
