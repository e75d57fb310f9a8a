package io.idforge.identity.client;

import io.idforge.identity.api.hooks.EndpointListResponse;
import io.idforge.identity.api.hooks.EndpointRequest;
import io.idforge.identity.api.hooks.EndpointResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * {@code /v1/hooks/endpoints} (backend key): the tenant's webhook endpoints. The signing secret
 * ({@code whsec_…}) is in the answers of {@link #create} and {@link #rotateSecret} only.
 */
@RegisterRestClient(configKey = IdentityClients.CONFIG_KEY)
@RegisterProvider(IdentityApiExceptionMapper.class)
@Path("/v1/hooks/endpoints")
@Produces(MediaType.APPLICATION_JSON)
public interface WebhookEndpointsClient {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  EndpointResponse create(@HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, EndpointRequest endpoint);

  @GET
  @Path("/{endpoint_id}")
  EndpointResponse get(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("endpoint_id") String endpointId);

  @GET
  EndpointListResponse list(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @QueryParam("start_key") String startKey);

  /** Replaces every setting (absent ones take their defaults). */
  @PUT
  @Path("/{endpoint_id}")
  @Consumes(MediaType.APPLICATION_JSON)
  EndpointResponse update(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey,
      @PathParam("endpoint_id") String endpointId,
      EndpointRequest endpoint);

  /** 204; its pending deliveries end as failure, its log stays. */
  @DELETE
  @Path("/{endpoint_id}")
  void delete(@HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("endpoint_id") String endpointId);

  @POST
  @Path("/{endpoint_id}/rotate-secret")
  EndpointResponse rotateSecret(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("endpoint_id") String endpointId);
}
