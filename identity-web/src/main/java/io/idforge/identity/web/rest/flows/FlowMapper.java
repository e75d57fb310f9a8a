package io.idforge.identity.web.rest.flows;

import io.idforge.identity.api.flows.AllowedDocumentTypes;
import io.idforge.identity.api.flows.FlowRequest;
import io.idforge.identity.api.flows.FlowResponse;
import io.idforge.identity.api.flows.FlowStepRequest;
import io.idforge.identity.api.flows.FlowStepResponse;
import io.idforge.identity.api.flows.FrameAncestorOrigins;
import io.idforge.identity.api.flows.StepConfigRequest;
import io.idforge.identity.api.flows.StepConfigResponse;
import io.idforge.identity.core.application.FlowService.FlowView;
import io.idforge.identity.core.domain.flow.AllowedDocuments;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.LivenessConfig;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import java.util.ArrayList;
import java.util.List;

/** Maps flow requests (already validated by {@link FlowRequest#validate()}) to core and back. */
public final class FlowMapper {

  private FlowMapper() {}

  public static FlowDefinition toDefinition(FlowRequest request) {
    List<FlowStep> steps = new ArrayList<>();
    for (FlowStepRequest s : request.steps()) {
      StepType type = StepType.fromWire(s.type()).orElseThrow();
      StepConfigRequest c = s.config();
      int retries =
          c != null && c.allowedRetries() != null
              ? c.allowedRetries()
              : FlowRequest.defaultRetries(io.idforge.identity.api.flows.StepType.fromWire(s.type()).orElseThrow());
      double threshold =
          c != null && c.faceThreshold() != null ? c.faceThreshold() : FlowRequest.DEFAULT_FACE_THRESHOLD;
      List<AllowedDocuments> allowed = new ArrayList<>();
      if (c != null && c.allowedDocumentTypes() != null) {
        for (AllowedDocumentTypes a : c.allowedDocumentTypes()) {
          allowed.add(new AllowedDocuments(a.country(), a.documentTypes()));
        }
      }
      String manualReview = c != null && c.manualReview() != null ? c.manualReview() : FlowRequest.DEFAULT_MANUAL_REVIEW;
      Integer minimumAge = c == null ? null : c.minimumAge();
      int timeout = c != null && c.timeout() != null ? c.timeout() : FlowRequest.DEFAULT_TIMEOUT;
      int reviewTimeout =
          c != null && c.manualReviewTimeout() != null ? c.manualReviewTimeout() : FlowRequest.DEFAULT_MANUAL_REVIEW_TIMEOUT;
      LivenessConfig liveness = c == null ? LivenessConfig.OFF
          : new LivenessConfig("active".equals(c.livenessType()), c.livenessFallback());
      steps.add(
          new FlowStep(
              null, type,
              new StepConfig(retries, threshold, allowed, manualReview, minimumAge, timeout, reviewTimeout, liveness)));
    }
    return new FlowDefinition(
        request.name().trim(),
        "enabled".equals(request.statusOrDefault()),
        request.timeToLiveOrDefault(),
        steps,
        request.privacyNoticeUrl(),
        request.displayName() == null ? null : request.displayName().trim(),
        request.logoUrl(),
        request.primaryColor() == null ? null : request.primaryColor().toLowerCase(java.util.Locale.ROOT),
        request.supportContact() == null ? null : request.supportContact().trim(),
        FrameAncestorOrigins.normalise(request.allowedFrameAncestors()));
  }

  static FlowResponse toResponse(FlowView view) {
    FlowDefinition d = view.version().definition();
    List<FlowStepResponse> steps = new ArrayList<>();
    for (FlowStep s : d.steps()) {
      StepConfig c = s.config();
      List<AllowedDocumentTypes> allowed =
          c.allowedDocuments().stream().map(a -> new AllowedDocumentTypes(a.country(), a.documentTypes())).toList();
      steps.add(
          new FlowStepResponse(
              s.stepId(),
              s.type().wireValue(),
              new StepConfigResponse(
                  c.allowedRetries(),
                  s.type() == StepType.FACE_RECOGNITION ? c.faceThreshold() : null,
                  allowed.isEmpty() ? null : allowed,
                  c.manualReview(),
                  c.minimumAge(),
                  c.timeoutSeconds(),
                  s.type().takesFiles() ? c.reviewTimeoutSeconds() : null,
                  c.liveness().active() ? c.liveness().type() : null,
                  c.liveness().active() ? c.liveness().fallback() : null)));
    }
    return new FlowResponse(
        view.flow().flowId(),
        d.name(),
        view.flow().flowVersion(),
        d.timeToLiveMinutes(),
        d.enabled() ? "enabled" : "disabled",
        steps,
        view.flow().createdAt(),
        view.flow().updatedAt(),
        d.privacyNoticeUrl(),
        d.displayName(),
        d.logoUrl(),
        d.primaryColor(),
        d.supportContact(),
        d.embeddable() ? d.allowedFrameAncestors() : null);
  }
}
