package io.idforge.identity.core.application.port;

import java.time.Duration;

/**
 * Domain counters, written by whoever observes the event (resources today, the process engine
 * later) and exported by the web module as MicroProfile Metrics. Every tag takes values from a
 * small closed set (key types, channels, statuses, catalogued reasons): never a tenant, account,
 * process id or anything a caller can choose, which would make one time series per value.
 */
public interface IdentityMetrics {

  /** A token or key was issued by {@code POST /v1/api-keys}; {@code keyType} as on the wire. */
  void tokenIssued(String keyType);

  /**
   * A {@code POST /v1/api-keys} was refused; {@code reason} is the error family ({@code
   * invalid_request}, {@code forbidden}, {@code unprocessable}, {@code error}).
   */
  void tokenRejected(String reason);

  /** A web token opened its process for the first time; {@code channel} is {@code api} or {@code hosted}. */
  void processStarted(String channel);

  /** A web token reopened the process it had already started. */
  void processResumed(String channel);

  /**
   * A process reached a final state: {@code status} {@code success} or {@code failure}, with
   * {@code failureStatus} and the catalogued {@code reason} (both null on success); {@code count}
   * processes ended so in one committed save (the expiry sweep ends up to a batch of them at once,
   * counted with one increment rather than one per process).
   */
  void processFinished(String status, String failureStatus, String reason, long count);

  /**
   * A one-time-code send limit refused a send; {@code limit} is {@code per_destination}, {@code
   * per_process} or {@code per_tenant}. The alarm for SMS bombing or pumping.
   */
  void otpLimitTripped(String limit);

  /**
   * A deferred check ran to a verdict: {@code stepType} is the validation type on the wire ({@code
   * document-validation}, …), {@code outcome} {@code passed}, {@code failed}, {@code undecided} or
   * {@code broken} (the {@code CheckResult} kind), {@code duration} from reading its inputs to its
   * verdict (not counting the transaction that applies it).
   */
  void checkCompleted(String stepType, String outcome, Duration duration);

  /**
   * The open review tasks of one validation type, as counted by the latest expiry-job pass on this
   * node: {@code open} tasks, the oldest created {@code oldestAgeSeconds} ago (0 when none).
   */
  void reviewQueue(String validationType, long open, long oldestAgeSeconds);

  /**
   * One webhook delivery attempt was settled: {@code outcome} {@code success}, {@code retry} (it
   * failed and another attempt is scheduled) or {@code failure} (the last attempt failed).
   */
  void webhookAttempt(String outcome);

  /** A webhook delivery succeeded {@code lag} after its event was recorded. */
  void webhookDelivered(Duration lag);
}
