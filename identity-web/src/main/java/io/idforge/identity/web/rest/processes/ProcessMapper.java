package io.idforge.identity.web.rest.processes;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.processes.OverrideEntry;
import io.idforge.identity.api.processes.ProcessResponse;
import io.idforge.identity.api.processes.ProcessStepResponse;
import io.idforge.identity.api.processes.ValidationDetails;
import io.idforge.identity.api.processes.ValidationItem;
import io.idforge.identity.api.processes.ValidationResponse;
import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.engine.StepProgress;
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
public final class ProcessMapper {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private ProcessMapper() {}

  /**
   * @param withSteps true for {@code GET /v1/processes/{id}} (Read Identity), false for the result
   */
  static ProcessResponse toResponse(ProcessView view, boolean withSteps, MediaLinks links) {
    IdentityProcess p = view.process();
    List<StepProgress.Step> progress = StepProgress.of(p, view.flow().steps(), view.validations());
    List<ValidationResponse> validations = new ArrayList<>();
    for (Validation v : view.validations()) {
      validations.add(toResponse(v, links));
    }
    StepProgress.Step current = StepProgress.current(p, progress);
    StepProgress.Step lastFinished = StepProgress.lastFinished(progress);
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
        current == null ? null : current.step().type().wireValue(),
        view.flow().timeToLiveMinutes(),
        withSteps ? p.redirectUrl() : null,
        variables(p.startData()),
        withSteps ? progress.stream().map(ProcessMapper::toStep).toList() : null,
        validations,
        p.createdAt(),
        p.updatedAt(),
        p.expiresAt(),
        current == null ? null : toStep(current),
        lastFinished == null ? null : toStep(lastFinished),
        p.overrideStatus(),
        overrides(p.overrideHistory()));
  }

  private static ProcessStepResponse toStep(StepProgress.Step s) {
    return new ProcessStepResponse(
        s.step().stepId(), s.step().type().wireValue(), s.status(),
        s.validation() == null ? null : s.validation().validationId());
  }

  private static List<OverrideEntry> overrides(String historyJson) {
    if (historyJson == null) {
      return null;
    }
    return List.of(JSONB.fromJson(historyJson, OverrideEntry[].class));
  }

  public static ValidationResponse toResponse(Validation v, MediaLinks links) {
    ValidationDetails details = v.details() == null ? null : JSONB.fromJson(v.details(), ValidationDetails.class);
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
        details,
        manualReviewStatus(v, details),
        null);
  }

  /** {@code manual_review_status} from the validation's state and the review items of its details. */
  private static String manualReviewStatus(Validation v, ValidationDetails details) {
    List<ValidationItem> items = null;
    if (details != null && details.documentValidations() != null) {
      items = details.documentValidations().manualReview();
    } else if (details != null && details.faceRecognitionValidations() != null) {
      items = details.faceRecognitionValidations().manualReview();
    }
    ValidationItem last = items == null || items.isEmpty() ? null : items.get(items.size() - 1);
    return StepProgress.manualReviewStatus(v, last != null, last != null && "valid".equals(last.result()));
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
