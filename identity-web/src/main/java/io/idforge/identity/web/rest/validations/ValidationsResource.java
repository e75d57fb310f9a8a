package io.idforge.identity.web.rest.validations;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.processes.ValidationResponse;
import io.idforge.identity.api.validations.CreateValidationForm;
import io.idforge.identity.core.application.validations.ValidationRequest;
import io.idforge.identity.core.application.validations.ValidationService;
import io.idforge.identity.core.application.validations.ValidationView;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.web.rest.media.MediaLinks;
import io.idforge.identity.web.rest.processes.ProcessMapper;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/validations}: create a validation (instructions with its upload links, or the code
 * sent), poll it, and submit a one-time code. A backend key drives standalone validations; a web
 * integration token only the current step of its own process.
 */
@Tag(name = "validations", description = "Truora's Validations API for custom front ends (VLD...)")
@Path("validations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ValidationsResource {

  @Inject ValidationService validations;

  @Inject CallerContext callerContext;

  @Inject UploadUrls uploadUrls;

  @Inject MediaLinks mediaLinks;

  @Context HttpServletRequest httpRequest;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(operationId = "createValidation", summary = "Create a validation (Truora's Create Validation)",
      description = "A backend or sdk key creates a standalone validation; a web token the current step of its process. Answers the pending validation with instructions: front_url and reverse_url (documents) or file_upload_link (selfie); for codes the code is sent.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "CreateValidationForm")))
  @APIResponse(responseCode = "200", description = "The pending validation, with instructions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Validation")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ValidationResponse create(MultivaluedMap<String, String> form) {
    CreateValidationForm f = CreateValidationForm.parse(form);
    ValidationRequest request =
        new ValidationRequest(
            toCore(f.type().wireValue()), f.accountId(), f.country(), f.documentType(), f.threshold(),
            f.timeoutSeconds(), f.retryOfId(), f.allowedRetries(), f.language(), f.phoneNumber(), f.email());
    ValidationView view = validations.create(callerContext.caller(), request, httpRequest.getRemoteAddr());
    return summary(view.validation()).withInstructions(uploadUrls.instructions(view.uploads()));
  }

  @GET
  @Path("{validation_id}")
  @Operation(operationId = "getValidation", summary = "A validation (Truora's Get Validation)",
      description = "Details and image links only with show_details=true. Backend key, sdk key (standalone validations), or the web token of its process.")
  @APIResponse(responseCode = "200", description = "The validation", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Validation")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ValidationResponse get(
      @Parameter(description = "Validation id", example = "VLD0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("validation_id") String validationId,
      @Parameter(description = "true for details and image links") @QueryParam("show_details") String showDetails) {
    Validation v = validations.get(callerContext.caller(), validationId);
    return "true".equals(showDetails) ? ProcessMapper.toResponse(v, mediaLinks) : summary(v);
  }

  /** Truora's "Perform validation" for one-time codes: form {@code type} and {@code token}. */
  @POST
  @Path("{validation_id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(operationId = "submitValidationCode", summary = "Submit a one-time code (Truora's Perform Validation)",
      description = "A right code succeeds, a wrong one uses a retry; the last wrong one declines max_retries_reached.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "SubmitCodeForm")))
  @APIResponse(responseCode = "200", description = "The validation after the code", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Validation")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ValidationResponse submitCode(
      @Parameter(description = "Validation id", example = "VLD0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("validation_id") String validationId, MultivaluedMap<String, String> form) {
    Set<String> known = Set.of("type", "token");
    for (String name : form.keySet()) {
      if (!known.contains(name)) {
        throw new InvalidInputException(name, "unknown field " + name);
      }
    }
    String type = single(form, "type");
    String token = single(form, "token");
    if (!token.matches("\\d{4,10}")) {
      throw new InvalidInputException("token", "token must be the code that was sent");
    }
    return summary(validations.submitCode(callerContext.caller(), validationId, toCore(type), token).validation());
  }

  /** The validation without details and image links (those need {@code show_details=true}). */
  private ValidationResponse summary(Validation v) {
    ValidationResponse full = ProcessMapper.toResponse(v, mediaLinks);
    return new ValidationResponse(
        full.validationId(), full.ipAddress(), full.accountId(), full.type(), full.validationStatus(),
        full.failureStatus(), full.declinedReason(), full.expiredReason(), full.threshold(), full.allowedRetries(),
        full.remainingRetries(), full.creationDate(), full.updateDate(), full.identityProcessId(), null, null, null,
        null, full.manualReviewStatus(), null);
  }

  private static StepType toCore(String wire) {
    return StepType.fromWire(wire)
        .orElseThrow(() -> new InvalidInputException("type", "type must be one of "
            + io.idforge.identity.api.flows.StepType.allowedValues()));
  }

  private static String single(Map<String, List<String>> form, String field) {
    List<String> values = form.get(field);
    if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
      throw new InvalidInputException(field, field + " is required");
    }
    if (values.size() > 1) {
      throw new InvalidInputException(field, field + " must be given only once");
    }
    return values.get(0).trim();
  }
}
