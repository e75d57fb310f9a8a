package io.idforge.identity.client;

import io.idforge.identity.api.hooks.HookEventListResponse;
import io.idforge.identity.api.hooks.HookEventResponse;
import jakarta.ws.rs.Consumes;
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

/** {@code /v1/hooks/events} (backend key): the webhook delivery log and replays. */
@RegisterRestClient(configKey = IdentityClients.CONFIG_KEY)
@RegisterProvider(IdentityApiExceptionMapper.class)
@Path("/v1/hooks/events")
@Produces(MediaType.APPLICATION_JSON)
public interface HookEventsClient {

  /** Newest first, 20 per page. */
  @GET
  HookEventListResponse list(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @QueryParam("start_key") String startKey);

  @GET
  @Path("/{idempotency_key}")
  HookEventResponse get(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("idempotency_key") String idempotencyKey);

  /** The same event to the same endpoint as a new delivery (new idempotency key). */
  @POST
  @Path("/{idempotency_key}/replay")
  HookEventResponse replay(
      @HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, @PathParam("idempotency_key") String idempotencyKey);

  /** Form {@code start_date} and {@code end_date} (ISO-8601 with offset, at most 62 days apart). */
  @POST
  @Path("/replay")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  HookEventListResponse replayRange(@HeaderParam(IdentityClients.API_KEY_HEADER) String apiKey, Form form);
}
