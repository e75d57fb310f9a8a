package io.idforge.identity.core.application.port;

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
   * {@code failureStatus} and the catalogued {@code reason} (both null on success). For the
   * process engine to call on each transition into a final state.
   */
  void processFinished(String status, String failureStatus, String reason);

  /**
   * A one-time-code send limit refused a send; {@code limit} is {@code per_destination}, {@code
   * per_process} or {@code per_tenant}. The alarm for SMS bombing or pumping.
   */
  void otpLimitTripped(String limit);
}
