package io.idforge.identity.client;

import io.idforge.identity.api.flows.FlowListResponse;
import io.idforge.identity.api.flows.FlowRequest;
import io.idforge.identity.api.flows.FlowResponse;
import jakarta.ws.rs.Consumes;
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

/** {@code /v1/flows}: create, read, replace (a new {@code flow_version}) and list flows. */
@RegisterRestClient(configKey = IdentityClients.CONFIG_KEY)
@RegisterProvider(IdentityApiExceptionMapper.class)
@Path("/v1/flows")
@Produces(MediaType.APPLICATION_JSON)
public interface FlowsClient {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  FlowResponse create(@HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, FlowRequest flow);

  @GET
  @Path("/{flow_id}")
  FlowResponse get(@HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("flow_id") String flowId);

  @PUT
  @Path("/{flow_id}")
  @Consumes(MediaType.APPLICATION_JSON)
  FlowResponse replace(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey,
      @PathParam("flow_id") String flowId,
      FlowRequest flow);

  @GET
  FlowListResponse list(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @QueryParam("start_key") String startKey);
}
