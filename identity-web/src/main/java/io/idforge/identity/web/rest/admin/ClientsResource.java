package io.idforge.identity.web.rest.admin;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.core.application.ClientService;
import io.idforge.identity.core.application.ClientService.ProvisionedClient;
import io.idforge.identity.core.domain.client.Client;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.privacy.RetentionService;
import io.idforge.identity.core.security.Digests;
import io.idforge.identity.web.rest.security.ApiKeyFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Operator API to provision tenants: {@code POST /v1/admin/clients} with the operator's
 * {@code Identity-Admin-Key}. Disabled (404) unless {@code identity.admin.api-key} is configured;
 * the answer carries the tenant's first backend key, shown once.
 */
@Path("admin/clients")
@RequestScoped
public class ClientsResource {

  static final String HEADER = "Identity-Admin-Key";

  private static final Set<String> FIELDS = Set.of("name", "key_name", "retention");

  /** The longest retention period accepted (ten years). */
  static final Duration MAX_RETENTION = Duration.ofDays(3650);

  @Inject ClientService clients;

  @Inject RetentionService retention;

  @Inject
  @ConfigProperty(name = "identity.admin.api-key")
  Optional<String> adminKey;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(@HeaderParam(HEADER) String presented, MultivaluedMap<String, String> form) {
    if (!authorised(adminKey, presented)) {
      return ApiKeyFilter.unauthorized();
    }
    onlyFields(form, FIELDS);
    String name = single(form, "name", true);
    String keyName = Optional.ofNullable(single(form, "key_name", false)).orElse("backend");
    Duration period = retention(form);
    ProvisionedClient created = clients.provision(name, keyName);
    Duration effective = retention.changeRetention(created.client().clientId(), period);
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
  public Response update(
      @HeaderParam(HEADER) String presented, @PathParam("client_id") String clientId, MultivaluedMap<String, String> form) {
    if (!authorised(adminKey, presented)) {
      return ApiKeyFilter.unauthorized();
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
