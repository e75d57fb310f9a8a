package io.idforge.identity.web.rest.apikeys;

import io.idforge.identity.api.apikeys.ApiKeyCreatedResponse;
import io.idforge.identity.api.apikeys.ApiKeyListResponse;
import io.idforge.identity.api.apikeys.ApiKeySummary;
import io.idforge.identity.api.apikeys.CreateApiKeyForm;
import io.idforge.identity.api.apikeys.KeyType;
import io.idforge.identity.api.common.MessageResponse;
import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.IssuedKey;
import io.idforge.identity.web.rest.Links;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
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

/**
 * {@code /v1/api-keys}: Truora's "Generate Token" ({@code key_type=web} mints a web integration
 * token, {@code key_type=backend} another backend key), plus listing and revocation of issued keys.
 */
@Path("api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

  static final int PAGE_SIZE = 20;

  @Inject ApiKeyService apiKeys;

  @Inject CallerContext callerContext;

  @Inject Clock clock;

  @Context UriInfo uriInfo;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public ApiKeyCreatedResponse create(MultivaluedMap<String, String> form) {
    Caller caller = callerContext.caller().requireBackend();
    CreateApiKeyForm parsed = CreateApiKeyForm.parse(form);
    IssuedKey issued =
        switch (parsed.keyType()) {
          case BACKEND -> apiKeys.issueBackendKey(caller.clientId(), parsed.keyName(), caller.keyName());
          case WEB, SDK -> apiKeys.issueWebToken(caller, ApiKeyMapper.toRequest(parsed));
          case GENERATOR ->
              throw new InvalidInputException("key_type", "Invalid request: key_type generator is not supported");
        };
    return ApiKeyCreatedResponse.created(issued.token());
  }

  @GET
  public ApiKeyListResponse list(@QueryParam("key_type") String keyType, @QueryParam("start_key") String startKey) {
    Caller caller = callerContext.caller();
    List<ApiKeySummary> items;
    String nextKey;
    if (keyType == null || keyType.equals(KeyType.WEB.wireValue())) {
      OffsetDateTime now = OffsetDateTime.now(clock);
      var page = apiKeys.listWebTokens(caller, startKey, PAGE_SIZE);
      items = page.items().stream().map(t -> ApiKeyMapper.summary(t, now)).toList();
      nextKey = page.nextKey();
    } else if (keyType.equals(KeyType.BACKEND.wireValue())) {
      var page = apiKeys.listBackendKeys(caller, startKey, PAGE_SIZE);
      items = page.items().stream().map(ApiKeyMapper::summary).toList();
      nextKey = page.nextKey();
    } else {
      throw new InvalidInputException("key_type", "Invalid request: key_type must be web or backend");
    }
    return new ApiKeyListResponse(items, Links.next(uriInfo, nextKey), Links.self(uriInfo));
  }

  @DELETE
  @Path("{api_key_id}")
  public MessageResponse revoke(@PathParam("api_key_id") String apiKeyId) {
    apiKeys.revoke(callerContext.caller(), apiKeyId);
    return new MessageResponse("API key successfully revoked");
  }

}
