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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/flows}: create, read, replace and list a tenant's flows (JSON, like Truora's legacy
 * flow API). Every change makes a new {@code flow_version}.
 */
@Tag(name = "flows", description = "Flow definitions; every change makes a new flow_version")
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
  @Operation(operationId = "createFlow", summary = "Create a flow", description = "Strict JSON: unknown members are rejected.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlowRequest")))
  @APIResponse(responseCode = "201", description = "Created, flow_version 1", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Flow")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public Response create(String body) {
    FlowResponse created =
        FlowMapper.toResponse(flows.create(callerContext.caller(), FlowMapper.toDefinition(parse(body))));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  @Path("{flow_id}")
  @Operation(operationId = "getFlow", summary = "A flow, at its latest version")
  @APIResponse(responseCode = "200", description = "The flow", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Flow")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public FlowResponse get(@Parameter(description = "Flow id", example = "IPF3d7ed05d5c3bae154ef31bf60a6b1060", required = true) @PathParam("flow_id") String flowId) {
    return FlowMapper.toResponse(flows.get(callerContext.caller(), flowId));
  }

  @PUT
  @Path("{flow_id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "replaceFlow", summary = "Replace a flow's definition",
      description = "Makes flow_version n+1; processes already started keep the version they began with.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlowRequest")))
  @APIResponse(responseCode = "200", description = "The new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Flow")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public FlowResponse update(
      @Parameter(description = "Flow id", example = "IPF3d7ed05d5c3bae154ef31bf60a6b1060", required = true) @PathParam("flow_id") String flowId, String body) {
    return FlowMapper.toResponse(flows.update(callerContext.caller(), flowId, FlowMapper.toDefinition(parse(body))));
  }

  @GET
  @Operation(operationId = "listFlows", summary = "The tenant's flows")
  @APIResponse(responseCode = "200", description = "A page of flows", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "FlowList")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public FlowListResponse list(@Parameter(description = "Cursor from the previous page's next link") @QueryParam("start_key") String startKey) {
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
