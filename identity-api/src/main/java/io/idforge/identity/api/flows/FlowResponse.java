package io.idforge.identity.api.flows;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A flow as answered by {@code POST/GET/PUT /v1/flows...}: the current version with its steps in
 * order.
 *
 * @param flowId {@code flow_id} ({@code IPF...})
 * @param name {@code name}
 * @param flowVersion {@code flow_version}, starting at 1, bumped by every update
 * @param timeToLive {@code time_to_live}, process lifetime in minutes
 * @param status {@code status}: {@code enabled} or {@code disabled}
 * @param steps {@code steps}
 * @param creationDate {@code creation_date}
 * @param updateDate {@code update_date}
 */
@JsonbPropertyOrder({
  "flowId",
  "name",
  "flowVersion",
  "timeToLive",
  "status",
  "steps",
  "creationDate",
  "updateDate"
})
public record FlowResponse(
    @JsonbProperty("flow_id") String flowId,
    @JsonbProperty("name") String name,
    @JsonbProperty("flow_version") int flowVersion,
    @JsonbProperty("time_to_live") int timeToLive,
    @JsonbProperty("status") String status,
    @JsonbProperty("steps") List<FlowStepResponse> steps,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("update_date") OffsetDateTime updateDate) {}
