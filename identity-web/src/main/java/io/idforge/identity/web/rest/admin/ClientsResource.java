package io.idforge.identity.web.rest.admin;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.core.application.ClientService;
import io.idforge.identity.core.application.ClientService.ProvisionedClient;
import io.idforge.identity.core.domain.client.Client;
import io.idforge.identity.core.privacy.RetentionService;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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

  private static final Set<String> FIELDS = Set.of("name", "key_name", "retention");

  /** The longest retention period accepted (ten years). */
  static final Duration MAX_RETENTION = Duration.ofDays(3650);

  @Inject ClientService clients;

  @Inject RetentionService retention;

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
    Optional<Response> refused = refuseUnlessOperator(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    onlyFields(form, FIELDS);
    String name = single(form, "name", true);
    String keyName = Optional.ofNullable(single(form, "key_name", false)).orElse("backend");
    Duration period = retention(form);
    ProvisionedClient created = clients.provision(name, keyName);
    Duration effective = retention.changeRetention(created.client().clientId(), period);
    // An operator action: one INFO line with public ids only (never the key).
    LOG.info(() -> "tenant " + created.client().clientId() + " provisioned with backend key id "
        + created.backendKey().keyId());
    JsonObject body =
        JSON.createObjectBuilder()
            .add("client_id", created.client().clientId())
            .add("name", created.client().name())
            .add("api_key", created.backendKey().token())
            .add("api_key_id", created.backendKey().keyId())
            .add("retention", Client.format(effective))
            .build();
    return Response.status(Response.Status.CREATED).entity(body).build();
  }

  /**
   * Changes a tenant's retention period ({@code retention}, ISO-8601 such as {@code P30D}; empty
   * returns it to {@code identity.retention.default}). The next purge applies it.
   */
  @PUT
  @Path("{client_id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateClientRetention", summary = "Change a tenant's retention period (operators)",
      description = "404 unless identity.admin.api-key is configured.")
  @SecurityRequirement(name = "IdentityAdminKey")
  @APIResponse(responseCode = "200", description = "The tenant's effective retention period",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ClientRetention")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public Response update(
      @Parameter(hidden = true) @HeaderParam(HEADER) String presented,
      @PathParam("client_id") String clientId,
      MultivaluedMap<String, String> form) {
    Optional<Response> refused = refuseUnlessOperator(presented);
    if (refused.isPresent()) {
      return refused.get();
    }
    onlyFields(form, Set.of("retention"));
    if (!form.containsKey("retention")) {
      throw new InvalidInputException("retention", "Invalid request: retention is required");
    }
    Duration effective = retention.changeRetention(clientId, retention(form));
    return Response.ok(JSON.createObjectBuilder().add("client_id", clientId).add("retention", Client.format(effective)).build())
        .build();
  }

  /**
   * Rate limits, then the operator key: empty when {@code presented} is the operator's key, else the
   * answer (429 while the address or key is blocked, 401 for a wrong key, which counts as a
   * failure). An unconfigured key disables the admin API (404).
   */
  private Optional<Response> refuseUnlessOperator(String presented) {
    String address = clientAddress.of(servletRequest);
    Optional<Duration> wait = rateLimits.authenticationBlocked(address, presented);
    if (wait.isPresent()) {
      return Optional.of(ErrorResponses.tooManyRequests(wait.get()));
    }
    if (!authorised(adminKey, presented)) {
      rateLimits.authenticationFailed(address, presented);
      return Optional.of(ApiKeyFilter.unauthorized());
    }
    return Optional.empty();
  }

  /**
   * True when the operator key is configured and {@code presented} matches it (digests compared in
   * constant time); an unconfigured key disables the admin API (404).
   */
  static boolean authorised(Optional<String> adminKey, String presented) {
    String configured = adminKey.filter(k -> !k.isBlank()).orElseThrow(() -> new NotFoundException("Resource not found"));
    return presented != null
        && MessageDigest.isEqual(
            Digests.sha256Hex(configured).getBytes(StandardCharsets.US_ASCII),
            Digests.sha256Hex(presented).getBytes(StandardCharsets.US_ASCII));
  }

  static void onlyFields(MultivaluedMap<String, String> form, Set<String> allowed) {
    for (String field : form.keySet()) {
      if (!allowed.contains(field)) {
        throw new InvalidInputException(field, "Invalid request: unknown field " + field);
      }
    }
  }

  /** The {@code retention} field: null when absent or empty (the default applies). */
  private static Duration retention(MultivaluedMap<String, String> form) {
    String value = single(form, "retention", false);
    if (value == null) {
      return null;
    }
    try {
      Duration d = Duration.parse(value);
      if (d.isNegative() || d.compareTo(MAX_RETENTION) > 0) {
        throw new InvalidInputException("retention", "Invalid request: retention must be between P0D and P3650D");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("retention", "Invalid request: retention must be an ISO-8601 duration such as P30D");
    }
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
