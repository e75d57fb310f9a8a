package io.idforge.identity.web.rest.admin;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.core.jobs.PurgePersonalDataJob;
import io.idforge.identity.web.rest.security.ApiKeyFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Operator API: {@code POST /v1/admin/retention/purge} runs the retention purge now, or as of a
 * later instant ({@code as_of}, ISO-8601 with offset) to purge ahead of schedule, e.g. before
 * decommissioning a tenant, and to prove the purge in tests. It adds no power: an operator can set
 * a tenant's retention to {@code P0D} already.
 */
@Path("admin/retention")
@RequestScoped
public class RetentionResource {

  @Inject PurgePersonalDataJob purgeJob;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "identity.admin.api-key")
  Optional<String> adminKey;

  @POST
  @Path("purge")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "purgeNow", summary = "Run the retention purge now or as of a later instant (operators)",
      description = "404 unless identity.admin.api-key is configured; as_of (ISO-8601 with offset) may not lie in"
          + " the past.")
  @SecurityRequirement(name = "IdentityAdminKey")
  @APIResponse(responseCode = "200", description = "How many processes were purged",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PurgeResult")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public Response purge(
      @Parameter(hidden = true) @HeaderParam(ClientsResource.HEADER) String presented, MultivaluedMap<String, String> form) {
    if (!ClientsResource.authorised(adminKey, presented)) {
      return ApiKeyFilter.unauthorized();
    }
    ClientsResource.onlyFields(form, Set.of("as_of"));
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime asOf = now;
    List<String> values = form.get("as_of");
    if (values != null && !values.isEmpty()) {
      try {
        asOf = OffsetDateTime.parse(values.get(0).trim());
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("as_of", "Invalid request: as_of must be an ISO-8601 date-time with offset");
      }
      if (asOf.isBefore(now)) {
        throw new InvalidInputException("as_of", "Invalid request: as_of must not be in the past");
      }
    }
    int redacted = purgeJob.runOnce(asOf);
    return Response.ok(JSON.createObjectBuilder().add("redacted", redacted).add("as_of", asOf.toString()).build()).build();
  }
}
