package io.idforge.identity.core.engine;

import io.idforge.identity.core.domain.flow.StepType;

/**
 * Truora's event vocabulary: {@code event_type} per object and the {@code event_action}s. Process
 * events are the ones Truora's web-process webhooks send; validation and review events follow the
 * same pattern for the other objects.
 */
public final class EventNames {

  public static final String PROCESS = "digital_identity.identity_process";
  public static final String MANUAL_REVIEW = "digital_identity.manual_review";

  public static final String CREATED = "created";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String CONSENT_RECORDED = "consent_recorded";
  public static final String STEP_SUCCEEDED = "step_succeeded";
  public static final String OVERWRITTEN_SUCCESS = "overwritten_success";
  public static final String OVERWRITTEN_FAILURE = "overwritten_failure";
  public static final String REQUESTED = "requested";
  public static final String DECIDED = "decided";
  /** Personal data erased (retention purge or DELETE); the outcome stays. */
  public static final String REDACTED = "redacted";

  private EventNames() {}

  /** {@code digital_identity.document_validation}, {@code digital_identity.face_recognition}, … */
  public static String validation(StepType type) {
    return "digital_identity." + type.wireValue().replace('-', '_');
  }
}
