package io.idforge.identity.api.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.JsonSupport;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessJsonTest {

  private static final String PROCESS = "IDP3f2a9c4e1b7d4a6c8e0f1a2b3c4d5e6f";

  static ProcessResponse seedResult() {
    return JsonSupport.fromJson(
        JsonSupport.resource("/fixtures/process-result-success.json"), ProcessResponse.class);
  }

  @Test
  void parsesTheSeedResult() {
    ProcessResponse p = seedResult();
    assertEquals(PROCESS, p.processId());
    assertEquals("ACC9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d", p.accountId());
    assertEquals("TCI3ca341c4d9676046f26d1f8bd0421a2b", p.clientId());
    assertEquals("IPF7e6d5c4b3a29180f7e6d5c4b3a291801", p.flowId());
    assertEquals("web", p.createdVia());
    assertEquals(2, p.flowVersion());
    assertEquals("CO", p.country());
    assertEquals(ProcessResponse.SUCCESS, p.status());
    assertNull(p.failureStatus());
    assertNull(p.declinedReason());
    assertNull(p.steps());
    assertEquals(OffsetDateTime.parse("2023-04-20T15:23:04.187201186Z"), p.creationDate());
    assertEquals(OffsetDateTime.of(2023, 4, 20, 15, 24, 49, 0, ZoneOffset.UTC), p.updateDate());
    assertEquals(2, p.validations().size());

    ValidationResponse doc = p.validations().get(0);
    assertEquals("VLD1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", doc.validationId());
    assertEquals("190.24.135.201", doc.ipAddress());
    assertEquals("document-validation", doc.type());
    assertEquals("success", doc.validationStatus());
    assertEquals(2, doc.remainingRetries());
    assertEquals(160256880, doc.creationDate().getNano());
    assertTrue(doc.frontImage().startsWith("https://"));
    assertTrue(doc.reverseImage().startsWith("https://"));
    assertEquals("CHK198e142cdd582a613bb96ff5748f500d", doc.details().backgroundCheck().checkId());
    assertEquals("", doc.details().backgroundCheck().checkUrl());
    DocumentDetails dd = doc.details().documentDetails();
    assertEquals("national-id", dd.documentType());
    assertEquals("1020304050", dd.documentNumber());
    assertEquals("JUAN CARLOS", dd.name());
    assertEquals("PEREZ GOMEZ", dd.lastName());
    assertEquals(OffsetDateTime.parse("1988-06-21T00:00:00Z"), dd.dateOfBirth());
    assertEquals(OffsetDateTime.parse("2006-07-14T00:00:00Z"), dd.issueDate());
    assertEquals("1.75", dd.height());
    assertEquals("O+", dd.rh());
    assertEquals("image/jpeg", dd.mimeType());
    assertNull(dd.expirationDate());
    DocumentValidations dv = doc.details().documentValidations();
    assertEquals(2, dv.dataConsistency().size());
    ValidationItem dob = dv.dataConsistency().get(0);
    assertEquals("Validation of date of birth", dob.validationName());
    assertEquals("valid", dob.result());
    assertEquals("date-of-birth-validation", dob.validationType());
    assertFalse(dob.manuallyReviewed());
    assertEquals(OffsetDateTime.parse("2023-04-20T15:23:55.363068644Z"), dob.createdAt());
    assertEquals(
        "Validation of Government Database - Registraduría",
        dv.governmentDatabase().get(0).validationName());
    assertNull(dv.imageAnalysis());
    assertNull(doc.details().faceRecognitionValidations());

    ValidationResponse face = p.validations().get(1);
    assertEquals("face-recognition", face.type());
    assertEquals(0.65, face.threshold());
    assertEquals(PROCESS, face.identityProcessId());
    assertEquals("success", face.details().faceRecognitionValidations().similarityStatus());
    assertEquals(0.9, face.details().faceRecognitionValidations().confidenceScore());
    assertNull(face.details().documentDetails());
  }

  @Test
  void seedResultRoundTripsWithWireKeysAndNoNulls() {
    ProcessResponse p = seedResult();
    String json = JsonSupport.toJson(p);
    JsonObject o = JsonSupport.object(json);
    assertEquals(
        List.of(
            "process_id",
            "account_id",
            "client_id",
            "flow_id",
            "flow_version",
            "created_via",
            "country",
            "status",
            "validations",
            "creation_date",
            "update_date"),
        JsonSupport.keys(o));
    assertFalse(o.containsKey("declined_reason"));
    assertFalse(json.contains("null"));
    JsonObject doc = o.getJsonArray("validations").getJsonObject(0);
    assertEquals(
        List.of(
            "validation_id",
            "ip_address",
            "account_id",
            "type",
            "validation_status",
            "remaining_retries",
            "creation_date",
            "front_image",
            "reverse_image",
            "details"),
        JsonSupport.keys(doc));
    assertEquals(
        List.of("background_check", "document_details", "document_validations"),
        JsonSupport.keys(doc.getJsonObject("details")));
    assertEquals(
        List.of(
            "validation_name",
            "result",
            "validation_type",
            "message",
            "manually_reviewed",
            "created_at"),
        JsonSupport.keys(
            doc.getJsonObject("details")
                .getJsonObject("document_validations")
                .getJsonArray("data_consistency")
                .getJsonObject(0)));
    assertEquals(
        List.of(
            "country",
            "document_type",
            "document_number",
            "name",
            "last_name",
            "date_of_birth",
            "gender",
            "height",
            "rh",
            "issue_date",
            "birth_place",
            "expedition_place",
            "national_registrar",
            "production_data",
            "mime_type",
            "creation_date",
            "update_date"),
        JsonSupport.keys(doc.getJsonObject("details").getJsonObject("document_details")));
    assertEquals("2023-04-20T15:23:23.16025688Z", doc.getString("creation_date"));
    assertEquals(p, JsonSupport.fromJson(json, ProcessResponse.class));
  }

  @Test
  void declinedProcessCarriesReasonAndStepsInOrder() {
    OffsetDateTime t = OffsetDateTime.parse("2024-05-02T10:15:30Z");
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("name", "juan");
    metadata.put("order", "A-1001");
    ProcessResponse p =
        new ProcessResponse(
            PROCESS,
            "user-42",
            "TCI3ca341c4d9676046f26d1f8bd0421a2b",
            "IPF7e6d5c4b3a29180f7e6d5c4b3a291801",
            1,
            "web",
            "ALL",
            ProcessResponse.FAILURE,
            "declined",
            "blurry_image",
            null,
            0,
            "document-validation",
            120,
            "https://shop.example.com/kyc/done",
            ProcessResponse.startVariables(metadata),
            List.of(
                new ProcessStepResponse(
                    "IPS0123456789abcdef0123456789abcdef",
                    "document-validation",
                    "failure",
                    "VLD1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d")),
            List.of(
                new ValidationResponse(
                    "VLD1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d",
                    "190.24.135.201",
                    "user-42",
                    "document-validation",
                    "failure",
                    "declined",
                    "blurry_image",
                    null,
                    null,
                    2,
                    0,
                    t,
                    t.plusMinutes(1),
                    PROCESS,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)),
            t,
            t.plusMinutes(2),
            t.plusMinutes(120),
            null,
            null,
            null,
            null,
            null);
    String json = JsonSupport.toJson(p);
    JsonObject o = JsonSupport.object(json);
    assertEquals(
        List.of(
            "process_id",
            "account_id",
            "client_id",
            "flow_id",
            "flow_version",
            "created_via",
            "country",
            "status",
            "failure_status",
            "declined_reason",
            "current_step_index",
            "current_step_type",
            "time_to_live",
            "redirect_url",
            "variables",
            "steps",
            "validations",
            "creation_date",
            "update_date",
            "expiration_date"),
        JsonSupport.keys(o));
    assertFalse(o.containsKey("expired_reason"));
    assertEquals("blurry_image", o.getString("declined_reason"));
    assertEquals(
        "{\"start\":{\"metadata\":{\"name\":\"juan\",\"order\":\"A-1001\"}}}",
        o.getJsonObject("variables").toString());
    assertEquals(
        List.of("step_id", "type", "status", "validation_id"),
        JsonSupport.keys(o.getJsonArray("steps").getJsonObject(0)));
    assertEquals(
        List.of(
            "validation_id",
            "ip_address",
            "account_id",
            "type",
            "validation_status",
            "failure_status",
            "declined_reason",
            "allowed_retries",
            "remaining_retries",
            "creation_date",
            "update_date",
            "identity_process_id"),
        JsonSupport.keys(o.getJsonArray("validations").getJsonObject(0)));
    ProcessResponse back = JsonSupport.fromJson(json, ProcessResponse.class);
    assertEquals(p.steps(), back.steps());
    assertEquals(p.validations(), back.validations());
    assertEquals(p.expirationDate(), back.expirationDate());
    assertEquals(
        "juan",
        ((Map<?, ?>) ((Map<?, ?>) back.variables().get("start")).get("metadata")).get("name"));
  }

  @Test
  void faceDetailsAndDocumentValidationsKeepWireOrder() {
    FaceRecognitionValidations f = new FaceRecognitionValidations("success", 0.93, "success", null, null, null);
    assertEquals(
        List.of("similarity_status", "confidence_score", "passive_liveness_status"),
        JsonSupport.keysOf(f));
    FaceRecognitionValidations live = new FaceRecognitionValidations("success", 0.93, null, "success",
        List.of(new ActionStatus("look-left", "success"), new ActionStatus("open-mouth", "success")), null);
    assertEquals(List.of("similarity_status", "confidence_score", "liveness_status", "actions_status"),
        JsonSupport.keysOf(live));
    assertEquals(List.of("action", "status"), JsonSupport.keysOf(live.actionsStatus().get(0)));
    ValidationItem item =
        new ValidationItem(
            "Manual review",
            "skipped",
            "manual-validation",
            "Currently the document does not require manual review",
            false,
            OffsetDateTime.parse("2024-05-02T10:15:30Z"));
    DocumentValidations dv =
        new DocumentValidations(
            List.of(), List.of(), List.of(item), List.of(item), List.of(item), List.of(item),
            List.of(item));
    assertEquals(
        List.of(
            "data_consistency",
            "government_database",
            "image_analysis",
            "photocopy_analysis",
            "photo_of_photo",
            "manual_analysis",
            "manual_review"),
        JsonSupport.keysOf(dv));
    assertEquals(dv, JsonSupport.fromJson(JsonSupport.toJson(dv), DocumentValidations.class));
    assertEquals(
        List.of("background_check", "document_details", "document_validations",
            "face_recognition_validations"),
        JsonSupport.keysOf(
            new ValidationDetails(
                new BackgroundCheck("CHK1", ""),
                new DocumentDetails(
                    "DCR1", "CO", "national-id", "1", "A", "B", null, null, null, null, null,
                    null, null, null, null, null, "P<COL", "image/jpeg", null, null),
                dv,
                f)));
  }

  @Test
  void processListRoundTrips() {
    ProcessListResponse list =
        new ProcessListResponse(
            List.of(seedResult()), "/v1/processes?start_key=DR2W", "/v1/processes");
    String json = JsonSupport.toJson(list);
    assertEquals(List.of("identity_processes", "next", "self"), JsonSupport.keysOf(list));
    assertEquals(list, JsonSupport.fromJson(json, ProcessListResponse.class));
  }
}
