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
 * {@code /v1/api-keys}: mint web integration tokens ({@link TokenForm}), backend keys and the
 * validations SDK's generator and sdk keys, list and revoke them. {@code apiKey} is the tenant's
 * backend key ({@code Truora-API-Key}), or a generator key for its exchange.
 */
@RegisterRestClient(configKey = IdentityClients.CONFIG_KEY)
@RegisterProvider(IdentityApiExceptionMapper.class)
@Path("/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public interface ApiKeysClient {

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  ApiKeyCreatedResponse create(@HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, Form form);

  /** A generator key (backend key only): shipped with an app, good only for {@link #exchangeGeneratorKey}. */
  default ApiKeyCreatedResponse createGeneratorKey(String backendKey, String keyName) {
    return create(backendKey, new Form().param("key_type", "generator").param("grant", "validations").param("key_name", keyName));
  }

  /**
   * Truora's validations SDK exchange: the generator key buys a one-hour sdk key for the
   * tenant's standalone validations and enrollments.
   */
  default ApiKeyCreatedResponse exchangeGeneratorKey(String generatorKey) {
    return create(generatorKey, new Form()
        .param("key_type", "sdk").param("grant", "validations").param("api_key_version", "1").param("key_name", "sdk_usage"));
  }

  /** @param keyType web (null: the default), backend, generator or sdk */
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
