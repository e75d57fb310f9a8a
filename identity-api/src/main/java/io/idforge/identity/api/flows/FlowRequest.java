package io.idforge.identity.api.flows;

import io.idforge.identity.api.apikeys.DocumentType;
import io.idforge.identity.api.common.FormReader;
import io.idforge.identity.api.common.WireFormats;
import io.idforge.identity.api.error.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON body of {@code POST /v1/flows} and {@code PUT /v1/flows/{flow_id}} (our own flow API; the
 * legacy Truora flow API is JSON too).
 *
 * <p>The web layer reads the body as a {@link JsonObject}, calls {@link
 * #checkKnownFields(JsonObject)} (JSON-B cannot reject unknown properties), binds it to this
 * record and calls {@link #validate()}. Defaults for absent members: {@code time_to_live} {@value
 * #DEFAULT_TIME_TO_LIVE} minutes, {@code status} {@value #DEFAULT_STATUS}, {@code allowed_retries}
 * {@link #defaultRetries(StepType)}, {@code face_threshold} {@value #DEFAULT_FACE_THRESHOLD},
 * {@code manual_review} {@value #DEFAULT_MANUAL_REVIEW}.
 *
 * @param name {@code name}, 1..100 characters, required
 * @param timeToLive {@code time_to_live}, process lifetime in minutes, 1..1440
 * @param status {@code status}: {@code enabled} or {@code disabled}
 * @param steps {@code steps}, 1..10 entries, at most one per type
 * @param privacyNoticeUrl {@code privacy_notice_url}: the tenant's privacy notice, an https URL
 *     of at most 2048 characters; when set, the hosted flow opens with a welcome screen asking for
 *     the data authorization (Truora's {@code enter_authorization})
 * @param displayName {@code display_name}: the tenant's name shown to the user, 1..100 characters
 * @param logoUrl {@code logo_url}: the tenant's logo on the hosted pages, an https URL
 * @param primaryColor {@code primary_color}: {@code #rrggbb} of buttons and links; it must reach
 *     WCAG AA against white (contrast at least 4.5:1), as white text sits on it
 * @param supportContact {@code support_contact}: how the user reaches the tenant's support (an
 *     e-mail, a phone or a web address), 1..200 characters
 * @param allowedFrameAncestors {@code allowed_frame_ancestors}: origins whose pages may embed the
 *     hosted flow in an iframe (at most 10; rules in {@link FrameAncestorOrigins}); absent or empty:
 *     no page may frame it
 */
@JsonbPropertyOrder({
  "name", "timeToLive", "status", "steps", "privacyNoticeUrl", "displayName", "logoUrl", "primaryColor", "supportContact",
  "allowedFrameAncestors"
})
public record FlowRequest(
    @JsonbProperty("name") String name,
    @JsonbProperty("time_to_live") Integer timeToLive,
    @JsonbProperty("status") String status,
    @JsonbProperty("steps") List<FlowStepRequest> steps,
    @JsonbProperty("privacy_notice_url") String privacyNoticeUrl,
    @JsonbProperty("display_name") String displayName,
    @JsonbProperty("logo_url") String logoUrl,
    @JsonbProperty("primary_color") String primaryColor,
    @JsonbProperty("support_contact") String supportContact,
    @JsonbProperty("allowed_frame_ancestors") List<String> allowedFrameAncestors) {

  /** Contrast WCAG AA asks of normal text. */
  public static final double MIN_CONTRAST = 4.5;

  /** Process lifetime in minutes when {@code time_to_live} is absent (Truora's default). */
  public static final int DEFAULT_TIME_TO_LIVE = 120;

  /** Longest process lifetime in minutes (Truora's maximum). */
  public static final int MAX_TIME_TO_LIVE = 1440;

  /** {@code status} when absent. */
  public static final String DEFAULT_STATUS = "enabled";

  /** Face similarity threshold when {@code face_threshold} is absent (Truora's default). */
  public static final double DEFAULT_FACE_THRESHOLD = 0.65;

  /** {@code manual_review} when absent. */
  public static final String DEFAULT_MANUAL_REVIEW = "default";

  /** Longest flow name. */
  public static final int MAX_NAME_LENGTH = 100;

  /** Most steps in a flow. */
  public static final int MAX_STEPS = 10;

  /** Most retries of one step. */
  public static final int MAX_RETRIES = 4;

  /** Highest {@code minimum_age}. */
  public static final int MAX_MINIMUM_AGE = 120;

  /** Accepted {@code status} values. */
  public static final Set<String> STATUSES = Set.of("enabled", "disabled");

  /**
   * Accepted {@code liveness_type} values: {@code none} (one selfie) or {@code active} (a burst of
   * server-chosen actions). Truora's {@code passive} is not offered: no passive detector is installed.
   */
  public static final List<String> LIVENESS_TYPES = List.of("none", "active");

  /** Accepted {@code liveness_fallback} values. */
  public static final List<String> LIVENESS_FALLBACKS = List.of("manual_review", "decline");

  /** Accepted {@code manual_review} values. */
  public static final List<String> MANUAL_REVIEW_VALUES = List.of("default", "disabled", "enabled");

  private static final Set<String> FLOW_KEYS = Set.of(
          "name", "time_to_live", "status", "steps", "privacy_notice_url", "display_name", "logo_url", "primary_color",
          "support_contact", FrameAncestorOrigins.FIELD);
  private static final Set<String> STEP_KEYS = Set.of("type", "config");
  private static final Set<String> CONFIG_KEYS =
      Set.of(
          "allowed_retries",
          "face_threshold",
          "allowed_document_types",
          "manual_review",
          "minimum_age",
          "timeout",
          "manual_review_timeout",
          "liveness_type",
          "liveness_fallback");
  private static final Set<String> ADT_KEYS = Set.of("country", "document_types");

  /**
   * {@code allowed_retries} of a step whose config does not set it, as Truora's validator config:
   * 0 for documents and faces, 2 for one-time codes.
   */
  public static int defaultRetries(StepType type) {
    return type == StepType.PHONE_VERIFICATION || type == StepType.EMAIL_VERIFICATION ? 2 : 0;
  }

  /** Most {@code allowed_retries} of a step type (Truora: document 3, face 2, codes 4). */
  public static int maxRetries(StepType type) {
    return switch (type) {
      case DOCUMENT_VALIDATION -> 3;
      case FACE_RECOGNITION -> 2;
      default -> MAX_RETRIES;
    };
  }

  /** Default {@code timeout} in seconds (Truora's validation timeout). */
  public static final int DEFAULT_TIMEOUT = 300;

  /** Default {@code manual_review_timeout} in seconds. */
  public static final int DEFAULT_MANUAL_REVIEW_TIMEOUT = 21_600;

  /** Longest {@code manual_review_timeout}: a week. */
  public static final int MAX_MANUAL_REVIEW_TIMEOUT = 604_800;

  /** Longest {@code timeout} of a step type (Truora: 600 s for codes, 21600 s otherwise). */
  public static int maxTimeout(StepType type) {
    return type == StepType.PHONE_VERIFICATION || type == StepType.EMAIL_VERIFICATION ? 600 : 21_600;
  }

  /** {@code time_to_live}, or {@value #DEFAULT_TIME_TO_LIVE} when absent. */
  public int timeToLiveOrDefault() {
    return timeToLive == null ? DEFAULT_TIME_TO_LIVE : timeToLive;
  }

  /** {@code status}, or {@value #DEFAULT_STATUS} when absent. */
  public String statusOrDefault() {
    return status == null ? DEFAULT_STATUS : status;
  }

  /**
   * Checks every rule of the class documentation.
   *
   * @throws InvalidInputException naming the first offending member by its JSON path, e.g.
   *     {@code steps[1].type}
   */
  public void validate() {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "name is required");
    }
    WireFormats.checkText("name", name, 1, MAX_NAME_LENGTH);
    if (timeToLive != null && (timeToLive < 1 || timeToLive > MAX_TIME_TO_LIVE)) {
      throw new InvalidInputException(
          "time_to_live", "time_to_live must be between 1 and " + MAX_TIME_TO_LIVE + " minutes");
    }
    if (status != null && !STATUSES.contains(status)) {
      throw new InvalidInputException("status", "status must be one of enabled, disabled");
    }
    checkHttps("privacy_notice_url", privacyNoticeUrl);
    if (displayName != null) {
      WireFormats.checkText("display_name", displayName, 1, MAX_NAME_LENGTH);
    }
    checkHttps("logo_url", logoUrl);
    if (primaryColor != null) {
      if (!primaryColor.matches("#[0-9a-fA-F]{6}")) {
        throw new InvalidInputException("primary_color", "primary_color must be a colour #rrggbb");
      }
      double contrast = contrastWithWhite(primaryColor);
      if (contrast < MIN_CONTRAST) {
        throw new InvalidInputException(
            "primary_color",
            String.format(java.util.Locale.ROOT,
                "primary_color %s has a contrast of %.2f:1 against white; WCAG AA needs at least 4.5:1", primaryColor, contrast));
      }
    }
    if (supportContact != null) {
      WireFormats.checkText("support_contact", supportContact, 1, 200);
    }
    FrameAncestorOrigins.normalise(allowedFrameAncestors);
    if (steps == null || steps.isEmpty()) {
      throw new InvalidInputException("steps", "steps must have at least one entry");
    }
    if (steps.size() > MAX_STEPS) {
      throw new InvalidInputException("steps", "steps must have at most " + MAX_STEPS + " entries");
    }
    Set<StepType> seen = EnumSet.noneOf(StepType.class);
    for (int i = 0; i < steps.size(); i++) {
      String path = "steps[" + i + "]";
      FlowStepRequest step = steps.get(i);
      if (step == null) {
        throw new InvalidInputException(path, path + " must be an object");
      }
      if (step.type() == null) {
        throw new InvalidInputException(path + ".type", path + ".type is required");
      }
      StepType type =
          StepType.fromWire(step.type())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          path + ".type",
                          path + ".type must be one of " + StepType.allowedValues()));
      if (!seen.add(type)) {
        throw new InvalidInputException(
            path + ".type", path + ".type " + type.wireValue() + " appears more than once");
      }
      if (step.config() != null) {
        validateConfig(path + ".config", type, step.config());
      }
    }
  }

  private static void checkHttps(String field, String value) {
    if (value == null) {
      return;
    }
    java.net.URI uri;
    try {
      uri = new java.net.URI(value);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || value.length() > 2048) {
      throw new InvalidInputException(field, field + " must be an https URL of at most 2048 characters");
    }
  }

  /** WCAG 2 contrast ratio of {@code #rrggbb} against white, 1..21. */
  public static double contrastWithWhite(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    double l = 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    return 1.05 / (l + 0.05);
  }

  private static double channel(int c) {
    double s = c / 255.0;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }

  private static void validateConfig(String path, StepType type, StepConfigRequest config) {
    Integer retries = config.allowedRetries();
    if (retries != null && (retries < 0 || retries > maxRetries(type))) {
      throw new InvalidInputException(
          path + ".allowed_retries",
          path + ".allowed_retries must be between 0 and " + maxRetries(type) + " for " + type.wireValue());
    }
    Integer timeout = config.timeout();
    if (timeout != null && (timeout < 1 || timeout > maxTimeout(type))) {
      throw new InvalidInputException(
          path + ".timeout", path + ".timeout must be between 1 and " + maxTimeout(type) + " seconds");
    }
    Integer reviewTimeout = config.manualReviewTimeout();
    if (reviewTimeout != null) {
      onlyFor(path + ".manual_review_timeout", type, StepType.DOCUMENT_VALIDATION, StepType.FACE_RECOGNITION);
      if (reviewTimeout < 60 || reviewTimeout > MAX_MANUAL_REVIEW_TIMEOUT) {
        throw new InvalidInputException(
            path + ".manual_review_timeout",
            path + ".manual_review_timeout must be between 60 and " + MAX_MANUAL_REVIEW_TIMEOUT + " seconds");
      }
    }
    Double threshold = config.faceThreshold();
    if (threshold != null) {
      onlyFor(path + ".face_threshold", type, StepType.FACE_RECOGNITION);
      if (!(threshold >= 0.0 && threshold <= 1.0)) {
        throw new InvalidInputException(
            path + ".face_threshold", path + ".face_threshold must be between 0 and 1");
      }
    }
    if (config.allowedDocumentTypes() != null) {
      onlyFor(path + ".allowed_document_types", type, StepType.DOCUMENT_VALIDATION);
      validateDocumentTypes(path + ".allowed_document_types", config.allowedDocumentTypes());
    }
    if (config.manualReview() != null) {
      onlyFor(
          path + ".manual_review", type, StepType.DOCUMENT_VALIDATION, StepType.FACE_RECOGNITION);
      if (!MANUAL_REVIEW_VALUES.contains(config.manualReview())) {
        throw new InvalidInputException(
            path + ".manual_review",
            path + ".manual_review must be one of " + String.join(", ", MANUAL_REVIEW_VALUES));
      }
    }
    if (config.livenessType() != null) {
      onlyFor(path + ".liveness_type", type, StepType.FACE_RECOGNITION);
      if (!LIVENESS_TYPES.contains(config.livenessType())) {
        throw new InvalidInputException(
            path + ".liveness_type", path + ".liveness_type must be one of " + String.join(", ", LIVENESS_TYPES));
      }
    }
    if (config.livenessFallback() != null) {
      onlyFor(path + ".liveness_fallback", type, StepType.FACE_RECOGNITION);
      if (!LIVENESS_FALLBACKS.contains(config.livenessFallback())) {
        throw new InvalidInputException(path + ".liveness_fallback",
            path + ".liveness_fallback must be one of " + String.join(", ", LIVENESS_FALLBACKS));
      }
    }
    Integer minimumAge = config.minimumAge();
    if (minimumAge != null) {
      onlyFor(
          path + ".minimum_age", type, StepType.DOCUMENT_VALIDATION, StepType.FACE_RECOGNITION);
      if (minimumAge < 0 || minimumAge > MAX_MINIMUM_AGE) {
        throw new InvalidInputException(
            path + ".minimum_age", path + ".minimum_age must be between 0 and " + MAX_MINIMUM_AGE);
      }
    }
  }

  private static void onlyFor(String path, StepType actual, StepType... allowed) {
    for (StepType t : allowed) {
      if (t == actual) {
        return;
      }
    }
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < allowed.length; i++) {
      names.append(i == 0 ? "" : " and ").append(allowed[i].wireValue());
    }
    throw new InvalidInputException(path, path + " is only allowed on " + names + " steps");
  }

  private static void validateDocumentTypes(String path, List<AllowedDocumentTypes> entries) {
    if (entries.isEmpty()) {
      throw new InvalidInputException(path, path + " must have at least one entry");
    }
    Set<String> countries = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String entryPath = path + "[" + i + "]";
      AllowedDocumentTypes entry = entries.get(i);
      if (entry == null) {
        throw new InvalidInputException(entryPath, entryPath + " must be an object");
      }
      String country = entry.country();
      if (country == null || !("ALL".equals(country) || WireFormats.isIsoCountry(country))) {
        throw new InvalidInputException(
            entryPath + ".country",
            entryPath + ".country must be an upper-case ISO-3166 alpha-2 code or ALL");
      }
      if (!countries.add(country)) {
        throw new InvalidInputException(
            entryPath + ".country", entryPath + ".country " + country + " appears more than once");
      }
      List<String> types = entry.documentTypes();
      String typesPath = entryPath + ".document_types";
      if (types == null || types.isEmpty()) {
        throw new InvalidInputException(typesPath, typesPath + " must have at least one entry");
      }
      Set<String> seen = new HashSet<>();
      for (int j = 0; j < types.size(); j++) {
        String typePath = typesPath + "[" + j + "]";
        String t = types.get(j);
        if (t == null || DocumentType.fromWire(t).isEmpty()) {
          throw new InvalidInputException(
              typePath, typePath + " must be one of " + DocumentType.allowedValues());
        }
        if (!seen.add(t)) {
          throw new InvalidInputException(typePath, typePath + " appears more than once");
        }
      }
    }
  }

  /**
   * Rejects unknown members at any depth and members of the wrong JSON type, before binding.
   * {@code null} members read as absent.
   *
   * @param body the request body
   * @throws InvalidInputException naming the path, e.g. {@code "Invalid request: unknown field
   *     steps[0].config.foo"}
   */
  public static void checkKnownFields(JsonObject body) {
    if (body == null) {
      throw new InvalidInputException(null, "the body must be a JSON object");
    }
    checkKeys(body, "", FLOW_KEYS);
    expectString(body, "", "name");
    expectInt(body, "", "time_to_live");
    expectString(body, "", "status");
    expectString(body, "", "privacy_notice_url");
    expectString(body, "", "display_name");
    expectString(body, "", "logo_url");
    expectString(body, "", "primary_color");
    expectString(body, "", "support_contact");
    JsonArray origins = expectArray(body, "", FrameAncestorOrigins.FIELD);
    if (origins != null) {
      for (int i = 0; i < origins.size(); i++) {
        if (origins.get(i).getValueType() != JsonValue.ValueType.STRING) {
          String p = FrameAncestorOrigins.FIELD + "[" + i + "]";
          throw new InvalidInputException(p, p + " must be a string");
        }
      }
    }
    JsonArray steps = expectArray(body, "", "steps");
    if (steps == null) {
      return;
    }
    for (int i = 0; i < steps.size(); i++) {
      String stepPath = "steps[" + i + "]";
      JsonObject step = expectObject(steps.get(i), stepPath);
      if (step == null) {
        continue;
      }
      checkKeys(step, stepPath + ".", STEP_KEYS);
      expectString(step, stepPath + ".", "type");
      JsonValue configValue = step.get("config");
      if (configValue == null) {
        continue;
      }
      JsonObject config = expectObject(configValue, stepPath + ".config");
      if (config == null) {
        continue;
      }
      String configPath = stepPath + ".config.";
      checkKeys(config, configPath, CONFIG_KEYS);
      expectInt(config, configPath, "allowed_retries");
      expectNumber(config, configPath, "face_threshold");
      expectString(config, configPath, "manual_review");
      expectInt(config, configPath, "minimum_age");
      expectInt(config, configPath, "timeout");
      expectInt(config, configPath, "manual_review_timeout");
      expectString(config, configPath, "liveness_type");
      expectString(config, configPath, "liveness_fallback");
      JsonArray adts = expectArray(config, configPath, "allowed_document_types");
      if (adts == null) {
        continue;
      }
      for (int j = 0; j < adts.size(); j++) {
        String adtPath = configPath + "allowed_document_types[" + j + "]";
        JsonObject adt = expectObject(adts.get(j), adtPath);
        if (adt == null) {
          continue;
        }
        checkKeys(adt, adtPath + ".", ADT_KEYS);
        expectString(adt, adtPath + ".", "country");
        JsonArray types = expectArray(adt, adtPath + ".", "document_types");
        if (types != null) {
          for (int k = 0; k < types.size(); k++) {
            if (types.get(k).getValueType() != JsonValue.ValueType.STRING) {
              String p = adtPath + ".document_types[" + k + "]";
              throw new InvalidInputException(p, p + " must be a string");
            }
          }
        }
      }
    }
  }

  private static void checkKeys(JsonObject object, String prefix, Set<String> known) {
    for (Map.Entry<String, JsonValue> e : object.entrySet()) {
      if (!known.contains(e.getKey())) {
        String path = prefix + FormReader.describe(e.getKey());
        throw new InvalidInputException(path, "unknown field " + path);
      }
    }
  }

  private static boolean isAbsent(JsonValue v) {
    return v == null || v.getValueType() == JsonValue.ValueType.NULL;
  }

  private static JsonObject expectObject(JsonValue v, String path) {
    if (isAbsent(v)) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInputException(path, path + " must be an object");
    }
    return v.asJsonObject();
  }

  private static JsonArray expectArray(JsonObject o, String prefix, String key) {
    JsonValue v = o.get(key);
    if (isAbsent(v)) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidInputException(prefix + key, prefix + key + " must be an array");
    }
    return v.asJsonArray();
  }

  private static void expectString(JsonObject o, String prefix, String key) {
    JsonValue v = o.get(key);
    if (!isAbsent(v) && v.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidInputException(prefix + key, prefix + key + " must be a string");
    }
  }

  private static void expectNumber(JsonObject o, String prefix, String key) {
    JsonValue v = o.get(key);
    if (!isAbsent(v) && v.getValueType() != JsonValue.ValueType.NUMBER) {
      throw new InvalidInputException(prefix + key, prefix + key + " must be a number");
    }
  }

  private static void expectInt(JsonObject o, String prefix, String key) {
    JsonValue v = o.get(key);
    if (isAbsent(v)) {
      return;
    }
    // Plain digits only: JSON-B may refuse 2.0 or 1E+2 for an Integer member.
    boolean ok = false;
    if (v.getValueType() == JsonValue.ValueType.NUMBER) {
      BigDecimal d = ((JsonNumber) v).bigDecimalValue();
      ok =
          d.scale() == 0
              && d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
              && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }
    if (!ok) {
      throw new InvalidInputException(prefix + key, prefix + key + " must be an integer");
    }
  }
}
