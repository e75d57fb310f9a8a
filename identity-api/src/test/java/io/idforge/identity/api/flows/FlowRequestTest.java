package io.idforge.identity.api.flows;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.api.JsonSupport;
import io.idforge.identity.api.error.InvalidInputException;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlowRequestTest {

  private static final String VALID =
      """
      {
        "name": "KYC Colombia",
        "time_to_live": 240,
        "status": "enabled",
        "steps": [
          {"type": "phone-verification", "config": {"allowed_retries": 3}},
          {"type": "email-verification"},
          {"type": "document-validation", "config": {
            "allowed_retries": 2,
            "manual_review": "enabled",
            "minimum_age": 18,
            "allowed_document_types": [
              {"country": "CO", "document_types": ["national-id", "foreign-id"]},
              {"country": "ALL", "document_types": ["passport"]}
            ]}},
          {"type": "face-recognition", "config": {"face_threshold": 0.7, "manual_review": "default"}}
        ]
      }
      """;

  static FlowRequest bind(String json) {
    JsonObject raw = JsonSupport.object(json);
    FlowRequest.checkKnownFields(raw);
    return JsonSupport.fromJson(json, FlowRequest.class);
  }

  static FlowRequest flow(FlowStepRequest... steps) {
    return new FlowRequest("f", null, null, List.of(steps), null, null, null, null, null, null);
  }

  static FlowStepRequest step(String type, StepConfigRequest config) {
    return new FlowStepRequest(type, config);
  }

  static StepConfigRequest config(
      Integer retries, Double threshold, List<AllowedDocumentTypes> adt, String review, Integer age) {
    return new StepConfigRequest(retries, threshold, adt, review, age, null, null, null, null);
  }

  static void assertInvalid(FlowRequest request, String field, String message) {
    InvalidInputException e = assertThrows(InvalidInputException.class, request::validate);
    assertEquals(field, e.field());
    assertEquals(message, e.getMessage());
  }

  static void assertUnknown(String json, String field, String message) {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> FlowRequest.checkKnownFields(JsonSupport.object(json)));
    assertEquals(field, e.field());
    assertEquals(message, e.getMessage());
  }

  @Test
  void validFlowBindsAndValidates() {
    FlowRequest r = bind(VALID);
    assertDoesNotThrow(r::validate);
    assertEquals("KYC Colombia", r.name());
    assertEquals(240, r.timeToLiveOrDefault());
    assertEquals(4, r.steps().size());
    assertEquals("document-validation", r.steps().get(2).type());
    StepConfigRequest doc = r.steps().get(2).config();
    assertEquals(18, doc.minimumAge());
    assertEquals("CO", doc.allowedDocumentTypes().get(0).country());
    assertEquals(List.of("national-id", "foreign-id"), doc.allowedDocumentTypes().get(0).documentTypes());
    assertEquals(0.7, r.steps().get(3).config().faceThreshold());
    assertNull(r.steps().get(1).config());
  }

  @Test
  void defaultsApplyWhenAbsent() {
    FlowRequest r = bind("{\"name\":\"n\",\"steps\":[{\"type\":\"face-recognition\"}]}");
    r.validate();
    assertEquals(120, r.timeToLiveOrDefault());
    assertEquals("enabled", r.statusOrDefault());
    assertEquals(0.65, FlowRequest.DEFAULT_FACE_THRESHOLD);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "PHONE_VERIFICATION, 2, 4",
    "EMAIL_VERIFICATION, 2, 4",
    "DOCUMENT_VALIDATION, 0, 3",
    "FACE_RECOGNITION, 0, 2"
  })
  void retryDefaultsAndLimitsFollowTruorasValidatorConfig(StepType type, int byDefault, int most) {
    assertEquals(byDefault, FlowRequest.defaultRetries(type));
    assertEquals(most, FlowRequest.maxRetries(type));
  }

  @Test
  void aFaceStepTakesAtMostTwoRetries() {
    assertInvalid(
        flow(step("face-recognition", config(3, null, null, null, null))),
        "steps[0].config.allowed_retries",
        "Invalid request: steps[0].config.allowed_retries must be between 0 and 2 for face-recognition");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 601})
  void aCodeStepsTimeoutIsBetweenOneSecondAndTenMinutes(int timeout) {
    assertInvalid(
        flow(step("email-verification", new StepConfigRequest(null, null, null, null, null, timeout, null, null, null))),
        "steps[0].config.timeout",
        "Invalid request: steps[0].config.timeout must be between 1 and 600 seconds");
  }

  @Test
  void aReviewTimeoutBelongsToStepsThatCanBeReviewed() {
    assertInvalid(
        flow(step("phone-verification", new StepConfigRequest(null, null, null, null, null, null, 3600, null, null))),
        "steps[0].config.manual_review_timeout",
        "Invalid request: steps[0].config.manual_review_timeout is only allowed on document-validation and"
            + " face-recognition steps");
  }

  @Test
  void serialisesWithWireNames() {
    FlowRequest r = bind(VALID);
    assertEquals(List.of("name", "time_to_live", "status", "steps"), JsonSupport.keysOf(r));
    assertEquals(r, JsonSupport.fromJson(JsonSupport.toJson(r), FlowRequest.class));
  }

  // ---- name, time_to_live, status, steps ----

  @Test
  void nameIsRequired() {
    FlowStepRequest s = step("phone-verification", null);
    assertInvalid(new FlowRequest(null, null, null, List.of(s), null, null, null, null, null, null), "name", "Invalid request: name is required");
    assertInvalid(new FlowRequest("  ", null, null, List.of(s), null, null, null, null, null, null), "name", "Invalid request: name is required");
  }

  @Test
  void nameAtMost100() {
    assertInvalid(
        new FlowRequest("n".repeat(101), null, null, List.of(step("phone-verification", null)), null, null, null, null, null, null),
        "name",
        "Invalid request: name must be 1 to 100 characters long");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -5, 1441})
  void timeToLiveOutOfRange(int ttl) {
    assertInvalid(
        new FlowRequest("n", ttl, null, List.of(step("phone-verification", null)), null, null, null, null, null, null),
        "time_to_live",
        "Invalid request: time_to_live must be between 1 and 1440 minutes");
  }

  @Test
  void timeToLiveBoundsAccepted() {
    new FlowRequest("n", 1, null, List.of(step("phone-verification", null)), null, null, null, null, null, null).validate();
    new FlowRequest("n", 1440, "disabled", List.of(step("phone-verification", null)), null, null, null, null, null, null).validate();
  }

  @Test
  void badStatus() {
    assertInvalid(
        new FlowRequest("n", null, "draft", List.of(step("phone-verification", null)), null, null, null, null, null, null),
        "status",
        "Invalid request: status must be one of enabled, disabled");
  }

  @Test
  void stepsRequired() {
    assertInvalid(
        new FlowRequest("n", null, null, null, null, null, null, null, null, null),
        "steps",
        "Invalid request: steps must have at least one entry");
    assertInvalid(
        new FlowRequest("n", null, null, List.of(), null, null, null, null, null, null),
        "steps",
        "Invalid request: steps must have at least one entry");
  }

  @Test
  void atMostTenSteps() {
    List<FlowStepRequest> steps = new ArrayList<>(Collections.nCopies(11, step("phone-verification", null)));
    assertInvalid(
        new FlowRequest("n", null, null, steps, null, null, null, null, null, null),
        "steps",
        "Invalid request: steps must have at most 10 entries");
  }

  @Test
  void badStepType() {
    assertInvalid(
        flow(step("phone-verification", null), step("selfie", null)),
        "steps[1].type",
        "Invalid request: steps[1].type must be one of phone-verification, email-verification,"
            + " document-validation, face-recognition");
  }

  @Test
  void missingStepType() {
    assertInvalid(flow(step(null, null)), "steps[0].type", "Invalid request: steps[0].type is required");
  }

  @Test
  void nullStep() {
    List<FlowStepRequest> steps = new ArrayList<>();
    steps.add(null);
    assertInvalid(new FlowRequest("n", null, null, steps, null, null, null, null, null, null), "steps[0]", "Invalid request: steps[0] must be an object");
  }

  @Test
  void duplicateStepType() {
    assertInvalid(
        flow(step("email-verification", null), step("email-verification", null)),
        "steps[1].type",
        "Invalid request: steps[1].type email-verification appears more than once");
  }

  // ---- config ----

  @ParameterizedTest
  @ValueSource(ints = {-1, 5})
  void allowedRetriesOutOfRange(int retries) {
    assertInvalid(
        flow(step("phone-verification", config(retries, null, null, null, null))),
        "steps[0].config.allowed_retries",
        "Invalid request: steps[0].config.allowed_retries must be between 0 and 4 for phone-verification");
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.01})
  void faceThresholdOutOfRange(double threshold) {
    assertInvalid(
        flow(step("face-recognition", config(null, threshold, null, null, null))),
        "steps[0].config.face_threshold",
        "Invalid request: steps[0].config.face_threshold must be between 0 and 1");
  }

  @Test
  void faceThresholdOnlyOnFaceSteps() {
    assertInvalid(
        flow(step("document-validation", config(null, 0.5, null, null, null))),
        "steps[0].config.face_threshold",
        "Invalid request: steps[0].config.face_threshold is only allowed on face-recognition steps");
  }

  @Test
  void allowedDocumentTypesOnlyOnDocumentSteps() {
    assertInvalid(
        flow(
            step(
                "face-recognition",
                config(null, null, List.of(new AllowedDocumentTypes("CO", List.of("passport"))), null, null))),
        "steps[0].config.allowed_document_types",
        "Invalid request: steps[0].config.allowed_document_types is only allowed on"
            + " document-validation steps");
  }

  @ParameterizedTest
  @ValueSource(strings = {"co", "XX", "COL", "all"})
  void badAllowedCountry(String country) {
    assertInvalid(
        flow(
            step(
                "document-validation",
                config(null, null, List.of(new AllowedDocumentTypes(country, List.of("passport"))), null, null))),
        "steps[0].config.allowed_document_types[0].country",
        "Invalid request: steps[0].config.allowed_document_types[0].country must be an upper-case"
            + " ISO-3166 alpha-2 code or ALL");
  }

  @Test
  void badAllowedDocumentType() {
    assertInvalid(
        flow(
            step(
                "document-validation",
                config(
                    null,
                    null,
                    List.of(new AllowedDocumentTypes("MX", List.of("passport", "library-card"))),
                    null,
                    null))),
        "steps[0].config.allowed_document_types[0].document_types[1]",
        "Invalid request: steps[0].config.allowed_document_types[0].document_types[1] must be one"
            + " of national-id, passport, driver-license, foreign-id, identity-card, pep");
  }

  @Test
  void emptyAllowedDocumentTypes() {
    assertInvalid(
        flow(
            step(
                "document-validation",
                config(null, null, List.of(new AllowedDocumentTypes("MX", List.of())), null, null))),
        "steps[0].config.allowed_document_types[0].document_types",
        "Invalid request: steps[0].config.allowed_document_types[0].document_types must have at"
            + " least one entry");
  }

  @Test
  void duplicateAllowedCountry() {
    assertInvalid(
        flow(
            step(
                "document-validation",
                config(
                    null,
                    null,
                    List.of(
                        new AllowedDocumentTypes("MX", List.of("passport")),
                        new AllowedDocumentTypes("MX", List.of("national-id"))),
                    null,
                    null))),
        "steps[0].config.allowed_document_types[1].country",
        "Invalid request: steps[0].config.allowed_document_types[1].country MX appears more than"
            + " once");
  }

  @Test
  void badManualReview() {
    assertInvalid(
        flow(step("document-validation", config(null, null, null, "always", null))),
        "steps[0].config.manual_review",
        "Invalid request: steps[0].config.manual_review must be one of default, disabled, enabled");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 121})
  void minimumAgeOutOfRange(int age) {
    assertInvalid(
        flow(step("document-validation", config(null, null, null, null, age))),
        "steps[0].config.minimum_age",
        "Invalid request: steps[0].config.minimum_age must be between 0 and 120");
  }

  // ---- unknown fields and JSON types ----

  @Test
  void unknownTopLevelField() {
    assertUnknown(
        "{\"name\":\"n\",\"identity_verifications\":[],\"steps\":[]}",
        "identity_verifications",
        "Invalid request: unknown field identity_verifications");
  }

  @Test
  void unknownStepField() {
    assertUnknown(
        "{\"name\":\"n\",\"steps\":[{\"type\":\"phone-verification\"},"
            + "{\"type\":\"email-verification\",\"async_step\":true}]}",
        "steps[1].async_step",
        "Invalid request: unknown field steps[1].async_step");
  }

  @Test
  void unknownConfigField() {
    assertUnknown(
        "{\"name\":\"n\",\"steps\":[{\"type\":\"face-recognition\",\"config\":{\"recorder\":\"rt-t\"}}]}",
        "steps[0].config.recorder",
        "Invalid request: unknown field steps[0].config.recorder");
  }

  @Test
  void unknownAllowedDocumentTypesField() {
    assertUnknown(
        "{\"name\":\"n\",\"steps\":[{\"type\":\"document-validation\",\"config\":"
            + "{\"allowed_document_types\":[{\"country\":\"CO\",\"documents\":[]}]}}]}",
        "steps[0].config.allowed_document_types[0].documents",
        "Invalid request: unknown field steps[0].config.allowed_document_types[0].documents");
  }

  @Test
  void wrongJsonTypes() {
    assertUnknown("{\"name\":5}", "name", "Invalid request: name must be a string");
    assertUnknown("{\"time_to_live\":\"120\"}", "time_to_live", "Invalid request: time_to_live must be an integer");
    assertUnknown("{\"time_to_live\":1.5}", "time_to_live", "Invalid request: time_to_live must be an integer");
    assertUnknown("{\"steps\":{}}", "steps", "Invalid request: steps must be an array");
    assertUnknown("{\"steps\":[\"phone\"]}", "steps[0]", "Invalid request: steps[0] must be an object");
    assertUnknown(
        "{\"steps\":[{\"type\":\"face-recognition\",\"config\":{\"face_threshold\":\"high\"}}]}",
        "steps[0].config.face_threshold",
        "Invalid request: steps[0].config.face_threshold must be a number");
  }

  @Test
  void nullMembersReadAsAbsent() {
    assertDoesNotThrow(
        () ->
            FlowRequest.checkKnownFields(
                JsonSupport.object(
                    "{\"name\":\"n\",\"status\":null,\"steps\":[{\"type\":\"phone-verification\",\"config\":null}]}")));
  }

  @Test
  void aPrivacyNoticeIsAnHttpsUrlAndTheDisplayNameIsShortText() {
    FlowStepRequest doc = step("document-validation", null);
    new FlowRequest("n", null, null, List.of(doc), "https://acme.example/privacy", "Acme", null, null, null, null).validate();
    for (String bad : new String[] {"http://acme.example/privacy", "javascript:alert(1)", "acme.example", "https://"}) {
      assertInvalid(new FlowRequest("n", null, null, List.of(doc), bad, null, null, null, null, null), "privacy_notice_url",
          "Invalid request: privacy_notice_url must be an https URL of at most 2048 characters");
    }
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new FlowRequest("n", null, null, List.of(doc), null, "n".repeat(101), null, null, null, null).validate());
    assertEquals("display_name", e.field());
  }

  @Test
  void thePrimaryColourMustReachWcagAaAgainstWhite() {
    FlowStepRequest doc = step("document-validation", null);
    new FlowRequest("n", null, null, List.of(doc), null, "Acme", "https://acme.example/logo.png", "#1f5fd6", "soporte@acme.example", null)
        .validate();
    assertEquals(21.0, FlowRequest.contrastWithWhite("#000000"), 1e-9);
    assertEquals(1.0, FlowRequest.contrastWithWhite("#ffffff"), 1e-9);
    assertInvalid(new FlowRequest("n", null, null, List.of(doc), null, null, null, "#ffdd00", null, null), "primary_color",
        "Invalid request: primary_color #ffdd00 has a contrast of 1.35:1 against white; WCAG AA needs at least 4.5:1");
    assertInvalid(new FlowRequest("n", null, null, List.of(doc), null, null, null, "blue", null, null), "primary_color",
        "Invalid request: primary_color must be a colour #rrggbb");
    assertInvalid(new FlowRequest("n", null, null, List.of(doc), null, null, "http://acme.example/logo.png", null, null, null), "logo_url",
        "Invalid request: logo_url must be an https URL of at most 2048 characters");
  }
}
