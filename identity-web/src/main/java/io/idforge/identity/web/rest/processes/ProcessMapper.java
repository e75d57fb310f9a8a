package io.idforge.identity.web.rest.processes;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.processes.ProcessResponse;
import io.idforge.identity.api.processes.ProcessStepResponse;
import io.idforge.identity.api.processes.ValidationDetails;
import io.idforge.identity.api.processes.ValidationResponse;
import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.web.rest.media.MediaLinks;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a {@link ProcessView} to Truora's process and result shapes. */
final class ProcessMapper {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private ProcessMapper() {}

  /**
   * @param withSteps true for {@code GET /v1/processes/{id}} (Read Identity), false for the result
   */
  static ProcessResponse toResponse(ProcessView view, boolean withSteps, MediaLinks links) {
    IdentityProcess p = view.process();
    List<FlowStep> steps = view.flow().steps();
    List<ValidationResponse> validations = new ArrayList<>();
    for (Validation v : view.validations()) {
      validations.add(toResponse(v, links));
    }
    boolean onStep = p.isPending() && p.currentStepIndex() < steps.size();
    return new ProcessResponse(
        p.processId(),
        p.accountId(),
        p.clientId(),
        p.flowId(),
        p.flowVersion(),
        p.createdVia(),
        p.country(),
        p.status().wireValue(),
        p.failureStatus() == null ? null : p.failureStatus().wireValue(),
        p.declinedReason(),
        p.expiredReason(),
        withSteps ? p.currentStepIndex() : null,
        onStep ? steps.get(p.currentStepIndex()).type().wireValue() : null,
        view.flow().timeToLiveMinutes(),
        withSteps ? p.redirectUrl() : null,
        variables(p.startData()),
        withSteps ? steps(view) : null,
        validations,
        p.createdAt(),
        p.updatedAt(),
        p.expiresAt());
  }

  private static List<ProcessStepResponse> steps(ProcessView view) {
    IdentityProcess p = view.process();
    List<ProcessStepResponse> out = new ArrayList<>();
    List<FlowStep> steps = view.flow().steps();
    for (int i = 0; i < steps.size(); i++) {
      Validation latest = null;
      for (Validation v : view.validations()) {
        if (v.stepIndex() == i) {
          latest = v;
        }
      }
      String status;
      if (latest != null) {
        status = latest.status().wireValue();
      } else if (i == p.currentStepIndex() && p.isPending()) {
        status = "in_progress";
      } else {
        status = "pending";
      }
      out.add(
          new ProcessStepResponse(
              steps.get(i).stepId(), steps.get(i).type().wireValue(), status,
              latest == null ? null : latest.validationId()));
    }
    return out;
  }

  private static ValidationResponse toResponse(Validation v, MediaLinks links) {
    return new ValidationResponse(
        v.validationId(),
        v.ipAddress(),
        v.accountId(),
        v.type().wireValue(),
        v.status().wireValue(),
        v.failureStatus() == null ? null : v.failureStatus().wireValue(),
        v.declinedReason(),
        v.expiredReason(),
        v.threshold(),
        v.allowedRetries(),
        v.remainingRetries(),
        v.createdAt(),
        v.updatedAt(),
        v.processId(),
        links.link(v.clientId(), v.frontMediaId()),
        links.link(v.clientId(), v.reverseMediaId()),
        links.link(v.clientId(), v.faceMediaId()),
        v.details() == null ? null : JSONB.fromJson(v.details(), ValidationDetails.class));
  }

  /**
   * The process {@code variables}: the token's {@code start_variables.metadata.<name>} values
   * under Truora's {@code start} bucket, e.g. {@code {"start": {"metadata": {"name": "juan"}}}}.
   */
  static Map<String, Object> variables(String startData) {
    if (startData == null) {
      return null;
    }
    JsonObject data;
    try (JsonReader reader = JSON.createReader(new StringReader(startData))) {
      data = reader.readObject();
    }
    JsonValue start = data.get("start_variables");
    if (start == null || start.getValueType() != JsonValue.ValueType.OBJECT) {
      return null;
    }
    JsonObject metadata = start.asJsonObject().getJsonObject("metadata");
    if (metadata == null) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    metadata.forEach((k, v) -> values.put(k, ((jakarta.json.JsonString) v).getString()));
    return Map.of("start", Map.of("metadata", values));
  }
}
