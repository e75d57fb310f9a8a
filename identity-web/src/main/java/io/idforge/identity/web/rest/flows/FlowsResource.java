package io.idforge.identity.web.rest.flows;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.flows.FlowListResponse;
import io.idforge.identity.api.flows.FlowRequest;
import io.idforge.identity.api.flows.FlowResponse;
import io.idforge.identity.core.application.FlowService;
import io.idforge.identity.web.rest.Links;
import io.idforge.identity.web.rest.input.StrictJson;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
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
import java.io.StringReader;

/**
 * {@code /v1/flows}: create, read, replace and list a tenant's flows (JSON, like Truora's legacy
 * flow API). Every change makes a new {@code flow_version}.
 */
@Path("flows")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FlowsResource {

  static final int PAGE_SIZE = 20;

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject FlowService flows;

  @Inject CallerContext callerContext;

  @Context UriInfo uriInfo;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    FlowResponse created =
        FlowMapper.toResponse(flows.create(callerContext.caller(), FlowMapper.toDefinition(parse(body))));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  @Path("{flow_id}")
  public FlowResponse get(@PathParam("flow_id") String flowId) {
    return FlowMapper.toResponse(flows.get(callerContext.caller(), flowId));
  }

  @PUT
  @Path("{flow_id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public FlowResponse update(@PathParam("flow_id") String flowId, String body) {
    return FlowMapper.toResponse(flows.update(callerContext.caller(), flowId, FlowMapper.toDefinition(parse(body))));
  }

  @GET
  public FlowListResponse list(@QueryParam("start_key") String startKey) {
    var page = flows.list(callerContext.caller(), startKey, PAGE_SIZE);
    return new FlowListResponse(
        page.items().stream().map(FlowMapper::toResponse).toList(),
        Links.next(uriInfo, page.nextKey()),
        Links.self(uriInfo));
  }

  /** Reads the body strictly: one JSON object without duplicate keys or trailing content, no unknown keys at any level, every rule met. */
  static FlowRequest parse(String body) {
    StrictJson.check(body);
    JsonObject json;
    try {
      JsonValue value = JSONB.fromJson(new StringReader(body == null ? "" : body), JsonValue.class);
      if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidInputException(null, "Invalid request: the body must be a JSON object");
      }
      json = value.asJsonObject();
    } catch (JsonbException | JsonException e) {
      throw new InvalidInputException(null, "Invalid request: the body is not valid JSON");
    }
    FlowRequest.checkKnownFields(json);
    FlowRequest request;
    try {
      request = JSONB.fromJson(json.toString(), FlowRequest.class);
    } catch (JsonbException e) {
      throw new InvalidInputException(null, "Invalid request: a field of the flow has the wrong type");
    }
    request.validate();
    return request;
  }
}
