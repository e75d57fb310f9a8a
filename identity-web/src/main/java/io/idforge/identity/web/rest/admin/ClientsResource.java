package io.idforge.identity.web.rest.admin;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.core.application.ClientService.ProvisionedClient;
import io.idforge.identity.core.application.ClientService;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.security.Digests;
import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.web.ratelimit.RateLimits;
import io.idforge.identity.web.rest.error.ErrorResponses;
import io.idforge.identity.web.rest.security.ApiKeyFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operator API to provision tenants: {@code POST /v1/admin/clients} with the operator's
 * {@code Identity-Admin-Key}. Disabled (404) unless {@code identity.admin.api-key} is configured;
 * the answer carries the tenant's first backend key, shown once.
 */
@Tag(name = "admin", description = "Operator API (tenants); off unless identity.admin.api-key is set")
@Path("admin/clients")
@RequestScoped
public class ClientsResource {

  static final String HEADER = "Identity-Admin-Key";

  private static final Logger LOG = Logger.getLogger(ClientsResource.class.getName());

  private static final Set<String> FIELDS = Set.of("name", "key_name");

  @Inject ClientService clients;

  @Inject RateLimits rateLimits;

  @Inject ClientAddress clientAddress;

  @Context HttpServletRequest servletRequest;

  @Inject
  @ConfigProperty(name = "identity.admin.api-key")
  Optional<String> adminKey;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createClient", summary = "Provision a tenant and its first backend key (operators)",
      description = "404 unless identity.admin.api-key is configured.")
  @SecurityRequirement(name = "IdentityAdminKey")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
      schema = @Schema(ref = "CreateClientForm")))
  @APIResponse(responseCode = "201", description = "Created; the key is shown once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Client")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public Response create(
      @Parameter(hidden = true) @HeaderParam(HEADER) String presented, MultivaluedMap<String, String> form) {
    String configured = adminKey.filter(k -> !k.isBlank()).orElseThrow(() -> new NotFoundException("Resource not found"));
    String address = clientAddress.of(servletRequest);
    Optional<Duration> wait = rateLimits.authenticationBlocked(address, presented);
    if (wait.isPresent()) {
      return ErrorResponses.tooManyRequests(wait.get());
    }
    if (presented == null
        || !MessageDigest.isEqual(
            Digests.sha256Hex(configured).getBytes(StandardCharsets.US_ASCII),
            Digests.sha256Hex(presented).getBytes(StandardCharsets.US_ASCII))) {
      rateLimits.authenticationFailed(address, presented);
      return ApiKeyFilter.unauthorized();
    }
    for (String field : form.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new InvalidInputException(field, "Invalid request: unknown field " + field);
      }
    }
    String name = single(form, "name", true);
    String keyName = Optional.ofNullable(single(form, "key_name", false)).orElse("backend");
    ProvisionedClient created = clients.provision(name, keyName);
    // An operator action: one INFO line with public ids only (never the key).
    LOG.info(() -> "tenant " + created.client().clientId() + " provisioned with backend key id "
        + created.backendKey().keyId());
    JsonObject body =
        JSON.createObjectBuilder()
            .add("client_id", created.client().clientId())
            .add("name", created.client().name())
            .add("api_key", created.backendKey().token())
            .add("api_key_id", created.backendKey().keyId())
            .build();
    return Response.status(Response.Status.CREATED).entity(body).build();
  }

  private static String single(MultivaluedMap<String, String> form, String field, boolean required) {
    List<String> values = form.get(field);
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      if (required) {
        throw new InvalidInputException(field, "Invalid request: " + field + " is required");
      }
      return null;
    }
    String v = values.get(0).trim();
    if (values.size() > 1 || v.length() > 100) {
      throw new InvalidInputException(field, "Invalid request: " + field + " must be one value of at most 100 characters");
    }
    return v;
  }
}
