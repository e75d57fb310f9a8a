package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An identity process as answered by {@code GET /v1/processes/{process_id}} (with {@code steps})
 * and {@code GET /v1/processes/{process_id}/result} (with {@code validations}, usually without
 * {@code steps}).
 *
 * <p>Outcomes are state: {@code status} is {@code pending}, {@code success} or {@code failure};
 * on failure {@code failure_status} is {@code declined}, {@code expired} or {@code system_error}
 * and the matching {@code declined_reason} / {@code expired_reason} is set. Null members are
 * omitted, so a successful process has no {@code declined_reason} key.
 *
 * @param processId {@code process_id} ({@code IDP...})
 * @param accountId {@code account_id}
 * @param clientId {@code client_id} ({@code TCI...})
 * @param flowId {@code flow_id} ({@code IPF...})
 * @param flowVersion {@code flow_version}
 * @param createdVia {@code created_via}, e.g. {@code web}
 * @param country {@code country}, e.g. {@code CO} or {@code ALL}
 * @param status {@code status}
 * @param failureStatus {@code failure_status}
 * @param declinedReason {@code declined_reason}
 * @param expiredReason {@code expired_reason}
 * @param currentStepIndex {@code current_step_index}
 * @param currentStepType {@code current_step_type}
 * @param timeToLive {@code time_to_live}, minutes
 * @param redirectUrl {@code redirect_url}
 * @param variables {@code variables}, e.g. {@code {"start": {"metadata": {...}}}}; see {@link
 *     #startVariables(Map)}
 * @param steps {@code steps}
 * @param validations {@code validations}
 * @param creationDate {@code creation_date}
 * @param updateDate {@code update_date}
 * @param expirationDate {@code expiration_date}
 * @param consent {@code consent}: the user's data authorization, when the flow asks for it and the
 *     user answered; omitted otherwise
 */
@JsonbPropertyOrder({
  "processId",
  "accountId",
  "clientId",
  "flowId",
  "flowVersion",
  "createdVia",
  "country",
  "status",
  "failureStatus",
  "declinedReason",
  "expiredReason",
  "overrideStatus",
  "overrideStatusHistory",
  "currentStepIndex",
  "currentStepType",
  "currentStep",
  "lastFinishedStep",
  "timeToLive",
  "redirectUrl",
  "variables",
  "steps",
  "validations",
  "creationDate",
  "updateDate",
  "expirationDate",
  "consent"
})
public record ProcessResponse(
    @JsonbProperty("process_id") String processId,
    @JsonbProperty("account_id") String accountId,
    @JsonbProperty("client_id") String clientId,
    @JsonbProperty("flow_id") String flowId,
    @JsonbProperty("flow_version") Integer flowVersion,
    @JsonbProperty("created_via") String createdVia,
    @JsonbProperty("country") String country,
    @JsonbProperty("status") String status,
    @JsonbProperty("failure_status") String failureStatus,
    @JsonbProperty("declined_reason") String declinedReason,
    @JsonbProperty("expired_reason") String expiredReason,
    @JsonbProperty("current_step_index") Integer currentStepIndex,
    @JsonbProperty("current_step_type") String currentStepType,
    @JsonbProperty("time_to_live") Integer timeToLive,
    @JsonbProperty("redirect_url") String redirectUrl,
    @JsonbProperty("variables") Map<String, Object> variables,
    @JsonbProperty("steps") List<ProcessStepResponse> steps,
    @JsonbProperty("validations") List<ValidationResponse> validations,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("update_date") OffsetDateTime updateDate,
    @JsonbProperty("expiration_date") OffsetDateTime expirationDate,
    @JsonbProperty("current_step") ProcessStepResponse currentStep,
    @JsonbProperty("last_finished_step") ProcessStepResponse lastFinishedStep,
    @JsonbProperty("override_status") String overrideStatus,
    @JsonbProperty("override_status_history") List<OverrideEntry> overrideStatusHistory,
    @JsonbProperty("consent") ConsentRecord consent) {

  /** {@code status} while the process runs. */
  public static final String PENDING = "pending";

  /** {@code status} when every validation succeeded. */
  public static final String SUCCESS = "success";

  /** {@code status} when declined, expired or broken; see {@code failure_status}. */
  public static final String FAILURE = "failure";

  /**
   * The {@code variables} value carrying the token's {@code start_variables.metadata.*}: {@code
   * {"start": {"metadata": {...}}}}, metadata in the given order.
   */
  public static Map<String, Object> startVariables(Map<String, String> metadata) {
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("metadata", Collections.unmodifiableMap(new LinkedHashMap<>(metadata)));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("start", Collections.unmodifiableMap(start));
    return Collections.unmodifiableMap(variables);
  }
}
