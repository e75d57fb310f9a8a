package io.idforge.identity.web.rest.hooks;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.hooks.HookEventListResponse;
import io.idforge.identity.api.hooks.HookEventResponse;
import io.idforge.identity.core.application.webhooks.DeliveryLogService;
import io.idforge.identity.web.rest.Links;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /v1/hooks/events}: the delivery log in Truora's record shape, and replays. */
@Tag(ref = "webhooks")
@Path("hooks/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HookEventsResource {

  static final int PAGE_SIZE = 20;

  @Inject DeliveryLogService log;

  @Inject CallerContext callerContext;

  @Context UriInfo uriInfo;

  @GET
  @Operation(operationId = "listHookEvents", summary = "The tenant's webhook deliveries, newest first (20 per page)")
  @APIResponse(responseCode = "200", description = "A page of deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HookEventList")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public HookEventListResponse list(
      @Parameter(description = "Cursor from the previous page's next link") @QueryParam("start_key") String startKey) {
    var page = log.list(callerContext.caller(), startKey, PAGE_SIZE);
    return new HookEventListResponse(
        page.items().stream().map(WebhookMapper::toResponse).toList(),
        Links.next(uriInfo, page.nextKey()),
        Links.self(uriInfo));
  }

  @GET
  @Path("{idempotency_key}")
  @Operation(operationId = "getHookEvent", summary = "A webhook delivery record")
  @APIResponse(responseCode = "200", description = "The delivery", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HookEvent")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public HookEventResponse get(
      @Parameter(description = "The delivery's idempotency key", example = "HIK0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("idempotency_key") String key) {
    return WebhookMapper.toResponse(log.get(callerContext.caller(), key));
  }

  /** Sends the event to the same endpoint again as a new delivery (new key, same event id). */
  @POST
  @Path("{idempotency_key}/replay")
  @Operation(operationId = "replayHookEvent", summary = "Send a delivered event again",
      description = "A new record (new idempotency key, attempts from 0, pending) for the same endpoint and event id.")
  @APIResponse(responseCode = "200", description = "The new delivery", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HookEvent")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public HookEventResponse replay(
      @Parameter(description = "The delivery's idempotency key", example = "HIK0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("idempotency_key") String key) {
    return WebhookMapper.toResponse(log.replay(callerContext.caller(), key));
  }

  /** Replays every delivered or failed event recorded in [start_date, end_date). */
  @POST
  @Path("replay")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(operationId = "replayHookEvents", summary = "Replay every delivery recorded in a date range",
      description = "Up to 1,000 (event, endpoint) pairs per call, at most 62 days.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "ReplayRangeForm")))
  @APIResponse(responseCode = "200", description = "The new deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HookEventList")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public HookEventListResponse replayRange(MultivaluedMap<String, String> form) {
    // The whole form rather than @FormParam: Payara's OpenAPI scanner would publish @FormParam as a
    // "*/*" string body in place of the @RequestBody above. The first value wins, as with @FormParam.
    String start = form.getFirst("start_date");
    String end = form.getFirst("end_date");
    var copies = log.replayRange(callerContext.caller(), date("start_date", start), date("end_date", end));
    return new HookEventListResponse(copies.stream().map(WebhookMapper::toResponse).toList(), null, null);
  }

  private static OffsetDateTime date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Invalid request: " + field + " must be an ISO-8601 date-time with offset");
    }
  }
}
