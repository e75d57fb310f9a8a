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

/**
 * {@code /v1/enrollments}: a face reference photo (answered with its {@code file_upload_link}) or
 * the phone / e-mail an account's codes go to. Backend keys only.
 */
@Path("enrollments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentsResource {

  @Inject EnrollmentService enrollments;

  @Inject CallerContext callerContext;

  @Inject UploadUrls uploadUrls;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public EnrollmentResponse create(MultivaluedMap<String, String> form) {
    CreateEnrollmentForm f = CreateEnrollmentForm.parse(form);
    StepType type = StepType.fromWire(f.type().wireValue()).orElseThrow();
    String destination = f.email() != null ? f.email() : f.phoneNumber();
    EnrollmentService.Enrolled e = enrollments.enroll(callerContext.caller(), type, f.accountId(), destination);
    return toResponse(e.enrollment(), e.upload().map(uploadUrls::url).orElse(null));
  }

  @GET
  @Path("{enrollment_id}")
  public EnrollmentResponse get(@PathParam("enrollment_id") String enrollmentId) {
    return toResponse(enrollments.get(callerContext.caller(), enrollmentId), null);
  }

  /** Truora's shape; the upload link only in the answer that creates the enrollment. */
  public static EnrollmentResponse toResponse(Enrollment e, String uploadLink) {
    return new EnrollmentResponse(
        e.enrollmentId(), e.accountId(), e.type().wireValue(), e.status(), e.reason(), uploadLink, e.createdAt(),
        e.updatedAt());
  }
}
