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
 * @param privacyNoticeUrl {@code privacy_notice_url}, when the hosted flow asks for the data
 *     authorization; omitted otherwise
 * @param displayName {@code display_name}, the tenant's name on the hosted pages; omitted if unset
 * @param logoUrl {@code logo_url}; omitted if unset
 * @param primaryColor {@code primary_color}; omitted if unset
 * @param supportContact {@code support_contact}; omitted if unset
 * @param allowedFrameAncestors {@code allowed_frame_ancestors}, the origins that may embed the
 *     hosted flow in an iframe; omitted when none may
 */
@JsonbPropertyOrder({
  "flowId",
  "name",
  "flowVersion",
  "timeToLive",
  "status",
  "steps",
  "creationDate",
  "updateDate",
  "privacyNoticeUrl",
  "displayName",
  "logoUrl",
  "primaryColor",
  "supportContact",
  "allowedFrameAncestors"
})
public record FlowResponse(
    @JsonbProperty("flow_id") String flowId,
    @JsonbProperty("name") String name,
    @JsonbProperty("flow_version") int flowVersion,
    @JsonbProperty("time_to_live") int timeToLive,
    @JsonbProperty("status") String status,
    @JsonbProperty("steps") List<FlowStepResponse> steps,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("update_date") OffsetDateTime updateDate,
    @JsonbProperty("privacy_notice_url") String privacyNoticeUrl,
    @JsonbProperty("display_name") String displayName,
    @JsonbProperty("logo_url") String logoUrl,
    @JsonbProperty("primary_color") String primaryColor,
    @JsonbProperty("support_contact") String supportContact,
    @JsonbProperty("allowed_frame_ancestors") List<String> allowedFrameAncestors) {}
