package io.idforge.identity.web.rest.validations;

import io.idforge.identity.api.validations.CreateEnrollmentForm;
import io.idforge.identity.api.validations.EnrollmentResponse;
import io.idforge.identity.core.application.validations.EnrollmentService;
import io.idforge.identity.core.domain.enrollment.Enrollment;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/enrollments}: a face reference photo (answered with its {@code file_upload_link}) or
 * the phone / e-mail an account's codes go to. Backend keys only.
 */
@Tag(name = "enrollments", description = "Face reference photos and code destinations of accounts (ENR...)")
@Path("enrollments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentsResource {

  @Inject EnrollmentService enrollments;

  @Inject CallerContext callerContext;

  @Inject UploadUrls uploadUrls;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(operationId = "createEnrollment", summary = "Enroll a face reference photo, a phone or an e-mail",
      description = "A face enrollment answers its file_upload_link (5 MiB) and stays pending until the photo arrives. Backend or sdk key.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "CreateEnrollmentForm")))
  @APIResponse(responseCode = "200", description = "The enrollment", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Enrollment")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public EnrollmentResponse create(MultivaluedMap<String, String> form) {
    CreateEnrollmentForm f = CreateEnrollmentForm.parse(form);
    StepType type = StepType.fromWire(f.type().wireValue()).orElseThrow();
    String destination = f.email() != null ? f.email() : f.phoneNumber();
    EnrollmentService.Enrolled e = enrollments.enroll(callerContext.caller(), type, f.accountId(), destination);
    return toResponse(e.enrollment(), e.upload().map(uploadUrls::url).orElse(null));
  }

  @GET
  @Path("{enrollment_id}")
  @Operation(operationId = "getEnrollment", summary = "An enrollment")
  @APIResponse(responseCode = "200", description = "The enrollment", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Enrollment")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public EnrollmentResponse get(
      @Parameter(description = "Enrollment id", example = "ENR0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("enrollment_id") String enrollmentId) {
    return toResponse(enrollments.get(callerContext.caller(), enrollmentId), null);
  }

  /** Truora's shape; the upload link only in the answer that creates the enrollment. */
  public static EnrollmentResponse toResponse(Enrollment e, String uploadLink) {
    return new EnrollmentResponse(
        e.enrollmentId(), e.accountId(), e.type().wireValue(), e.status(), e.reason(), uploadLink, e.createdAt(),
        e.updatedAt());
  }
}
