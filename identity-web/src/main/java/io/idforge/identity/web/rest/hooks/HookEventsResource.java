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
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** {@code /v1/hooks/events}: the delivery log in Truora's record shape, and replays. */
@Path("hooks/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HookEventsResource {

  static final int PAGE_SIZE = 20;

  @Inject DeliveryLogService log;

  @Inject CallerContext callerContext;

  @Context UriInfo uriInfo;

  @GET
  public HookEventListResponse list(@QueryParam("start_key") String startKey) {
    var page = log.list(callerContext.caller(), startKey, PAGE_SIZE);
    return new HookEventListResponse(
        page.items().stream().map(WebhookMapper::toResponse).toList(),
        Links.next(uriInfo, page.nextKey()),
        Links.self(uriInfo));
  }

  @GET
  @Path("{idempotency_key}")
  public HookEventResponse get(@PathParam("idempotency_key") String key) {
    return WebhookMapper.toResponse(log.get(callerContext.caller(), key));
  }

  /** Sends the event to the same endpoint again as a new delivery (new key, same event id). */
  @POST
  @Path("{idempotency_key}/replay")
  public HookEventResponse replay(@PathParam("idempotency_key") String key) {
    return WebhookMapper.toResponse(log.replay(callerContext.caller(), key));
  }

  /** Replays every delivered or failed event recorded in [start_date, end_date). */
  @POST
  @Path("replay")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public HookEventListResponse replayRange(
      @FormParam("start_date") String start, @FormParam("end_date") String end) {
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
