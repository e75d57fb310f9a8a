package io.idforge.identity.web.rest.hooks;

import io.idforge.identity.api.hooks.EndpointListResponse;
import io.idforge.identity.api.hooks.EndpointResponse;
import io.idforge.identity.core.application.webhooks.WebhookEndpointService;
import io.idforge.identity.web.rest.Links;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * {@code /v1/hooks/endpoints}: a tenant's webhook receivers (backend key). IdForge's own shape:
 * Truora's rule/action API ({@code /v1/bre/rules}) documents only background-check event types and
 * Go-template bodies, and a DI receiver expects the JWT body anyway.
 */
@Path("hooks/endpoints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointsResource {

  static final int PAGE_SIZE = 20;

  @Inject WebhookEndpointService endpoints;

  @Inject CallerContext callerContext;

  @Inject Clock clock;

  @Context UriInfo uriInfo;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    var created = endpoints.create(callerContext.caller(), WebhookMapper.parse(body));
    return Response.status(Response.Status.CREATED)
        .entity(WebhookMapper.toResponse(created.endpoint(), created.secret(), now()))
        .build();
  }

  @GET
  @Path("{endpoint_id}")
  public EndpointResponse get(@PathParam("endpoint_id") String endpointId) {
    return WebhookMapper.toResponse(endpoints.get(callerContext.caller(), endpointId), null, now());
  }

  @GET
  public EndpointListResponse list(@QueryParam("start_key") String startKey) {
    var page = endpoints.list(callerContext.caller(), startKey, PAGE_SIZE);
    return new EndpointListResponse(
        page.items().stream().map(e -> WebhookMapper.toResponse(e, null, now())).toList(),
        Links.next(uriInfo, page.nextKey()),
        Links.self(uriInfo));
  }

  @PUT
  @Path("{endpoint_id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public EndpointResponse update(@PathParam("endpoint_id") String endpointId, String body) {
    return WebhookMapper.toResponse(
        endpoints.update(callerContext.caller(), endpointId, WebhookMapper.parse(body)), null, now());
  }

  @DELETE
  @Path("{endpoint_id}")
  public Response delete(@PathParam("endpoint_id") String endpointId) {
    endpoints.delete(callerContext.caller(), endpointId);
    return Response.noContent().build();
  }

  @POST
  @Path("{endpoint_id}/rotate-secret")
  public EndpointResponse rotateSecret(@PathParam("endpoint_id") String endpointId) {
    var rotated = endpoints.rotateSecret(callerContext.caller(), endpointId);
    return WebhookMapper.toResponse(rotated.endpoint(), rotated.secret(), now());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
