package io.idforge.identity.web.admin;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the flow form shows a message of the API's validation: the API names the offending member
 * by its JSON path ({@code steps[1].config.timeout}); the form has a field for each, with the
 * client id {@code flow:steps:1:timeout}. A path without a field of its own (e.g. {@code steps})
 * goes to {@code flow:steps-message}, next to the list of steps.
 */
final class FlowFormFields {

  static final String FORM = "flow";

  private static final Map<String, String> FLOW_FIELDS = Map.of(
      "name", "name",
      "time_to_live", "ttl",
      "status", "status",
      "privacy_notice_url", "privacy",
      "display_name", "display-name",
      "logo_url", "logo",
      "primary_color", "color",
      "support_contact", "support",
      "allowed_frame_ancestors", "frame-ancestors");

  /** {@code allowed_frame_ancestors[2]}: one entry of the allowlist, shown at the allowlist's box. */
  private static final Pattern ORIGIN = Pattern.compile("allowed_frame_ancestors\\[\\d+]");

  private static final Map<String, String> STEP_FIELDS = Map.ofEntries(
      Map.entry("type", "type"),
      Map.entry("allowed_retries", "retries"),
      Map.entry("timeout", "timeout"),
      Map.entry("face_threshold", "threshold"),
      Map.entry("manual_review", "review"),
      Map.entry("minimum_age", "age"),
      Map.entry("manual_review_timeout", "review-timeout"),
      Map.entry("allowed_document_types", "documents"),
      Map.entry("liveness_type", "liveness-type"),
      Map.entry("liveness_fallback", "liveness-fallback"));

  private static final Pattern STEP = Pattern.compile("steps\\[(\\d+)](?:\\.config)?(?:\\.([a-z_]+))?.*");

  private FlowFormFields() {}

  static String clientId(String path) {
    if (path == null) {
      return null;
    }
    String flowField = FLOW_FIELDS.get(path);
    if (flowField != null) {
      return FORM + ":" + flowField;
    }
    if (ORIGIN.matcher(path).matches()) {
      return FORM + ":frame-ancestors";
    }
    Matcher m = STEP.matcher(path);
    if (m.matches()) {
      String field = m.group(2) == null ? null : STEP_FIELDS.get(m.group(2));
      return FORM + ":steps:" + m.group(1) + ":" + (field == null ? "type" : field);
    }
    return FORM + ":steps-message";
  }
}
