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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code PUT /v1/uploads/{id}/{side}?max-size=…&Expires=…&Signature=…}: the raw bytes of a
 * document side, a selfie ({@code VLD…}) or a face enrollment's reference photo ({@code ENR…},
 * side {@code reference}), without an API key (the signed URL is the credential). The body
 * limit for this path is the upload cap (30 MiB; beyond it 413 in the envelope).
 */
@Tag(ref = "validations")
@Path(UploadUrls.PATH + "/{validation_id}/{side}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UploadsResource {

  @Inject ValidationService validations;

  @Inject EnrollmentService enrollments;

  @PUT
  @Consumes({"image/jpeg", "image/png", "image/webp"})
  @Operation(operationId = "uploadFile", summary = "Upload a document side, a selfie or a face reference photo",
      description = "Raw bytes (image/jpeg, image/png or image/webp; else 415), at most 30 MiB (else 413), to a signed link from instructions or file_upload_link. No API key: the signed URL is the credential; a forged, moved or expired link is 403, a second PUT 409.")
  @RequestBody(required = true, content = {@Content(mediaType = "image/jpeg", schema = @Schema(ref = "Binary")),
      @Content(mediaType = "image/png", schema = @Schema(ref = "Binary")), @Content(mediaType = "image/webp", schema = @Schema(ref = "Binary"))})
  @APIResponse(responseCode = "200", description = "Received (or refused as no usable picture: File refused: <reason>)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UploadReceipt")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "500", ref = "InternalError")
  @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or WebP body", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
  public UploadReceipt put(
      @Parameter(description = "Validation (VLD...) or face enrollment (ENR...) id", required = true) @PathParam("validation_id") String validationId,
      @Parameter(description = "front, reverse, selfie or reference", required = true) @PathParam("side") String sidePath,
      @Parameter(description = "Part of the signed link") @QueryParam("attempt") Integer attempt,
      @Parameter(description = "Part of the signed link: the size cap in bytes") @QueryParam("max-size") Long maxSize,
      @Parameter(description = "Part of the signed link: its expiry (Unix seconds)") @QueryParam("Expires") Long expires,
      @Parameter(description = "Part of the signed link: its HMAC-SHA256 signature") @QueryParam("Signature") String signature,
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
