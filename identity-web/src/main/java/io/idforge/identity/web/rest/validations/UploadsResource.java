package io.idforge.identity.web.rest.validations;

import io.idforge.identity.api.validations.UploadReceipt;
import io.idforge.identity.core.application.validations.EnrollmentService;
import io.idforge.identity.core.application.validations.UploadSide;
import io.idforge.identity.core.application.validations.ValidationService;
import io.idforge.identity.core.domain.enrollment.Enrollment;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.core.domain.validation.Validation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code PUT /v1/uploads/{id}/{side}?max-size=…&Expires=…&Signature=…}: the raw bytes of a
 * document side, a selfie ({@code VLD…}) or a face enrollment's reference photo ({@code ENR…},
 * side {@code reference}), without an API key (the signed URL is the credential). The body
 * limit for this path is the upload cap (30 MiB; beyond it 413 in the envelope).
 */
@Path(UploadUrls.PATH + "/{validation_id}/{side}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UploadsResource {

  @Inject ValidationService validations;

  @Inject EnrollmentService enrollments;

  @PUT
  @Consumes({"image/jpeg", "image/png", "image/webp"})
  public UploadReceipt put(
      @PathParam("validation_id") String validationId,
      @PathParam("side") String sidePath,
      @QueryParam("attempt") Integer attempt,
      @QueryParam("max-size") Long maxSize,
      @QueryParam("Expires") Long expires,
      @QueryParam("Signature") String signature,
      byte[] file) {
    UploadSide side = UploadSide.fromPath(sidePath).orElseThrow(() -> new NotFoundException("Resource not found"));
    if (attempt == null || maxSize == null || expires == null || signature == null) {
      throw new ForbiddenException("Forbidden: the upload link is invalid or has expired");
    }
    if (side == UploadSide.REFERENCE) {
      Enrollment e = enrollments.upload(validationId, attempt, maxSize, expires, signature, file);
      return new UploadReceipt(e.enrollmentId(), e.status(), "File uploaded successfully");
    }
    ValidationService.Uploaded u = validations.upload(validationId, attempt, side, maxSize, expires, signature, file);
    Validation v = u.validation();
    String message = u.refusal() == null ? "File uploaded successfully" : "File refused: " + u.refusal();
    return new UploadReceipt(v.validationId(), v.status().wireValue(), message);
  }
}
