package io.idforge.identity.web.rest.apikeys;

import io.idforge.identity.api.apikeys.ApiKeyCreatedResponse;
import io.idforge.identity.api.apikeys.ApiKeyListResponse;
import io.idforge.identity.api.apikeys.ApiKeySummary;
import io.idforge.identity.api.apikeys.CreateApiKeyForm;
import io.idforge.identity.api.apikeys.Grant;
import io.idforge.identity.api.apikeys.KeyType;
import io.idforge.identity.api.common.MessageResponse;
import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.IssuedKey;
import io.idforge.identity.core.application.WebTokenIssuance;
import io.idforge.identity.core.application.port.IdentityMetrics;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.web.rest.Links;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/api-keys}: Truora's "Generate Token" ({@code key_type=web} mints a web integration
 * token, {@code key_type=backend} another backend key), plus listing and revocation of issued keys.
 *
 * <p>{@code @ApplicationScoped}, unlike the other resources (house style 8): on this hot path a
 * request-scoped instance cost a bean, its injected EJB references and its {@code @Context}
 * fields per request (bench/RESULTS.md, "Steps"). It holds no per-request state: the caller comes
 * from {@link io.idforge.identity.web.rest.security.CallerContext} (request-scoped) and the
 * {@code @Context} fields are the container's per-request proxies.
 */
@Tag(name = "api-keys", description = "Web integration tokens, backend keys and the validations SDK's keys (Truora's Generate Token)")
@Path("api-keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

  static final int PAGE_SIZE = 20;

  @Inject ApiKeyService apiKeys;

  /** Web tokens: a CDI transaction, without the EJB hop of {@code ApiKeyService.issueWebToken}. */
  @Inject WebTokenIssuance webTokens;

  @Inject CallerContext callerContext;

  @Inject Clock clock;

  @Inject IdentityMetrics metrics;

  @Context UriInfo uriInfo;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(operationId = "createApiKey", summary = "Generate a token (Truora's Generate Token)",
      description = "key_type web or sdk (grant digital-identity) mints a web integration token for one user and"
          + " one process, valid for the flow's time_to_live; key_type backend (with key_name) another backend key;"
          + " key_type generator a generator key of Truora's validations SDK; key_type sdk with grant validations an"
          + " sdk key for the tenant's standalone validations and enrollments, valid one hour. Backend key, or a"
          + " generator key for the exchange key_type=sdk&grant=validations.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
      schema = @Schema(ref = "CreateApiKeyForm")))
  @APIResponse(responseCode = "200", description = "The token, shown once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKeyCreated")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ApiKeyCreatedResponse create(MultivaluedMap<String, String> form) {
    try {
      Caller caller = callerContext.caller();
      if (caller.kind() != Caller.Kind.GENERATOR) {
        caller.requireBackend();
      }
      CreateApiKeyForm parsed = CreateApiKeyForm.parse(form);
      IssuedKey issued = issue(caller, parsed);
      metrics.tokenIssued(parsed.keyType().wireValue());
      return ApiKeyCreatedResponse.created(issued.token());
    } catch (RuntimeException e) {
      metrics.tokenRejected(TokenRejections.reason(e));
      throw e;
    }
  }

  private IssuedKey issue(Caller caller, CreateApiKeyForm parsed) {
    if (caller.kind() == Caller.Kind.GENERATOR) {
      return exchange(caller, parsed);
    }
    return switch (parsed.keyType()) {
      case BACKEND -> apiKeys.issueBackendKey(caller.clientId(), parsed.keyName(), caller.keyName());
      case GENERATOR -> apiKeys.issueGeneratorKey(caller, parsed.keyName());
      case SDK -> parsed.grant() == Grant.VALIDATIONS
          ? apiKeys.issueSdkKey(caller, parsed.keyName())
          : webTokens.issue(caller, ApiKeyMapper.toRequest(digitalIdentity(parsed)));
      case WEB -> webTokens.issue(caller, ApiKeyMapper.toRequest(digitalIdentity(parsed)));
    };
  }

  /** Truora's SDK exchange: a generator key gets {@code key_type=sdk&grant=validations}, nothing else. */
  private IssuedKey exchange(Caller generator, CreateApiKeyForm parsed) {
    if (parsed.keyType() != KeyType.SDK) {
      throw new ForbiddenException("Forbidden: a generator key may only create sdk keys (key_type sdk, grant validations)");
    }
    if (parsed.grant() != Grant.VALIDATIONS) {
      throw new InvalidInputException("grant", "Invalid request: a generator key mints sdk keys of grant validations only");
    }
    return apiKeys.issueSdkKey(generator, parsed.keyName());
  }

  /**
   * The form of a web (or sdk) token of Digital Identity. The form accepts every grant of Truora's
   * spec; this service runs Digital Identity and the validations SDK, so a signals or check token
   * would open nothing here.
   */
  private static CreateApiKeyForm digitalIdentity(CreateApiKeyForm parsed) {
    if (parsed.grant() != Grant.DIGITAL_IDENTITY) {
      throw new InvalidInputException("grant", "Invalid request: grant " + parsed.grant().wireValue()
          + " is not offered by this service; web tokens need grant digital-identity, sdk keys digital-identity or validations");
    }
    return parsed;
  }

  @GET
  @Operation(operationId = "listApiKeys", summary = "List issued web tokens (default) or backend keys",
      description = "Newest first, 20 per page; never a token or secret. Backend key only.")
  @APIResponse(responseCode = "200", description = "A page of keys", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKeyList")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ApiKeyListResponse list(
      @Parameter(description = "web (default), backend, generator or sdk") @QueryParam("key_type") String keyType,
      @Parameter(description = "Cursor from the previous page's next link") @QueryParam("start_key") String startKey) {
    Caller caller = callerContext.caller();
    List<ApiKeySummary> items;
    String nextKey;
    if (keyType == null || keyType.equals(KeyType.WEB.wireValue())) {
      OffsetDateTime now = OffsetDateTime.now(clock);
      var page = apiKeys.listWebTokens(caller, startKey, PAGE_SIZE);
      items = page.items().stream().map(t -> ApiKeyMapper.summary(t, now)).toList();
      nextKey = page.nextKey();
    } else if (KeyType.fromWire(keyType).isPresent()) {
      OffsetDateTime now = OffsetDateTime.now(clock);
      var page = apiKeys.listStoredKeys(caller, keyType, startKey, PAGE_SIZE);
      items = page.items().stream().map(k -> ApiKeyMapper.summary(k, now)).toList();
      nextKey = page.nextKey();
    } else {
      throw new InvalidInputException("key_type", "Invalid request: key_type must be web, backend, generator or sdk");
    }
    return new ApiKeyListResponse(items, Links.next(uriInfo, nextKey), Links.self(uriInfo));
  }

  @DELETE
  @Path("{api_key_id}")
  @Operation(operationId = "revokeApiKey", summary = "Revoke a web token (by jti) or a backend key (by id)",
      description = "Takes effect at once, also on hosted pages already open. Backend key only.")
  @APIResponse(responseCode = "200", description = "Revoked", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Message")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public MessageResponse revoke(
      @Parameter(description = "The web token's jti or the backend key's id", example = "0a2ee358-c692-4270-8f6b-96aefdd2c49e", required = true)
          @PathParam("api_key_id") String apiKeyId) {
    apiKeys.revoke(callerContext.caller(), apiKeyId);
    return new MessageResponse("API key successfully revoked");
  }

}
