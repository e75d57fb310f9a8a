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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/hooks/endpoints}: a tenant's webhook receivers (backend key). IdForge's own shape:
 * Truora's rule/action API ({@code /v1/bre/rules}) documents only background-check event types and
 * Go-template bodies, and a DI receiver expects the JWT body anyway.
 */
@Tag(name = "webhooks", description = "Webhook endpoints (WHE...) and their delivery log (HIK...)")
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
  @Operation(operationId = "createWebhookEndpoint", summary = "Create a webhook endpoint",
      description = "Answers the signing secret (whsec_...), shown once.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpointRequest")))
  @APIResponse(responseCode = "201", description = "Created, with the secret", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpoint")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public Response create(String body) {
    var created = endpoints.create(callerContext.caller(), WebhookMapper.parse(body));
    return Response.status(Response.Status.CREATED)
        .entity(WebhookMapper.toResponse(created.endpoint(), created.secret(), now()))
        .build();
  }

  @GET
  @Path("{endpoint_id}")
  @Operation(operationId = "getWebhookEndpoint", summary = "A webhook endpoint (never its secret)")
  @APIResponse(responseCode = "200", description = "The endpoint", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpoint")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public EndpointResponse get(
      @Parameter(description = "Endpoint id", example = "WHE0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("endpoint_id") String endpointId) {
    return WebhookMapper.toResponse(endpoints.get(callerContext.caller(), endpointId), null, now());
  }

  @GET
  @Operation(operationId = "listWebhookEndpoints", summary = "The tenant's webhook endpoints")
  @APIResponse(responseCode = "200", description = "A page of endpoints", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpointList")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public EndpointListResponse list(
      @Parameter(description = "Cursor from the previous page's next link") @QueryParam("start_key") String startKey) {
    var page = endpoints.list(callerContext.caller(), startKey, PAGE_SIZE);
    return new EndpointListResponse(
        page.items().stream().map(e -> WebhookMapper.toResponse(e, null, now())).toList(),
        Links.next(uriInfo, page.nextKey()),
        Links.self(uriInfo));
  }

  @PUT
  @Path("{endpoint_id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "updateWebhookEndpoint", summary = "Replace a webhook endpoint's settings")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpointRequest")))
  @APIResponse(responseCode = "200", description = "The endpoint", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpoint")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public EndpointResponse update(
      @Parameter(description = "Endpoint id", example = "WHE0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("endpoint_id") String endpointId, String body) {
    return WebhookMapper.toResponse(
        endpoints.update(callerContext.caller(), endpointId, WebhookMapper.parse(body)), null, now());
  }

  @DELETE
  @Path("{endpoint_id}")
  @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint",
      description = "Its pending deliveries end as failure; its log stays.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public Response delete(
      @Parameter(description = "Endpoint id", example = "WHE0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("endpoint_id") String endpointId) {
    endpoints.delete(callerContext.caller(), endpointId);
    return Response.noContent().build();
  }

  @POST
  @Path("{endpoint_id}/rotate-secret")
  @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook endpoint's secret",
      description = "A new secret, shown once; the previous one keeps signing until previous_secret_valid_until.")
  @APIResponse(responseCode = "200", description = "The endpoint with its new secret", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpoint")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public EndpointResponse rotateSecret(
      @Parameter(description = "Endpoint id", example = "WHE0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("endpoint_id") String endpointId) {
    var rotated = endpoints.rotateSecret(callerContext.caller(), endpointId);
    return WebhookMapper.toResponse(rotated.endpoint(), rotated.secret(), now());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
