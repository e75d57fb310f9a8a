package io.idforge.identity.client;

import io.idforge.identity.api.apikeys.ApiKeyCreatedResponse;
import io.idforge.identity.api.apikeys.ApiKeyListResponse;
import io.idforge.identity.api.common.MessageResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * {@code /v1/api-keys}: mint web integration tokens ({@link TokenForm}) and backend keys, list and
 * revoke them. {@code apiKey} is the tenant's backend key ({@code Truora-API-Key}).
 */
@RegisterRestClient(configKey = IdentityClients.CONFIG_KEY)
@RegisterProvider(IdentityApiExceptionMapper.class)
@Path("/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public interface ApiKeysClient {

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  ApiKeyCreatedResponse create(@HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, Form form);

  @GET
  ApiKeyListResponse list(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey,
      @QueryParam("key_type") String keyType,
      @QueryParam("start_key") String startKey);

  @DELETE
  @Path("/{api_key_id}")
  MessageResponse revoke(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("api_key_id") String apiKeyId);
}
