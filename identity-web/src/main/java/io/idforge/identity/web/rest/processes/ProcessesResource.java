package io.idforge.identity.web.rest.processes;

import io.idforge.identity.api.common.WireDates;
import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.common.FormReader;
import io.idforge.identity.api.processes.ProcessEventListResponse;
import io.idforge.identity.api.common.MessageResponse;
import io.idforge.identity.api.processes.ProcessListResponse;
import io.idforge.identity.api.processes.ProcessResponse;
import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.OverrideService;
import io.idforge.identity.core.application.ProcessEventsService;
import io.idforge.identity.core.application.ProcessService;
import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.ProcessQuery;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.web.metrics.ProcessOpenings;
import io.idforge.identity.web.rest.Links;
import io.idforge.identity.web.rest.media.MediaLinks;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/processes}: start or resume the process of a web token (custom front ends), read a
 * process or its result, list the tenant's processes with Truora's filters, read a process's
 * timeline (event log) and override a finished process's status.
 *
 * <p>{@code @ApplicationScoped}, unlike the other resources (house style 8): on this hot path a
 * request-scoped instance cost a bean, its injected EJB references and its {@code @Context}
 * fields per request (bench/RESULTS.md, "Steps"). It holds no per-request state: the caller comes
 * from {@link io.idforge.identity.web.rest.security.CallerContext} (request-scoped) and the
 * {@code @Context} fields are the container's per-request proxies.
 */
@Tag(name = "processes", description = "Identity processes (IDP...) and their results")
@Path("processes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProcessesResource {

  static final int PAGE_SIZE = 20;

  /** Truora caps a listing's date range at two months. */
  static final Duration MAX_RANGE = Duration.ofDays(62);

  @Inject ProcessService processes;

  @Inject ProcessEventsService processEvents;

  @Inject OverrideService overrides;

  @Inject CallerContext callerContext;

  @Inject MediaLinks links;

  @Inject ProcessOpenings openings;

  @Context UriInfo uriInfo;

  @Context HttpServletRequest httpRequest;

  /** Truora's "Create Identity": the web token in {@code Truora-API-Key} starts or resumes its process. */
  @POST
  @Operation(operationId = "startProcess", summary = "Start or resume the process of a web token (Truora's Create Identity)",
      description = "Truora-API-Key carries the user's web integration token, not a backend key. The first call"
          + " creates the process (IDP...); later calls return the same one.")
  @APIResponse(responseCode = "200", description = "The process, with steps", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Process")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ProcessResponse start() {
    OffsetDateTime mark = openings.mark();
    ProcessView view = processes.startOrResume(callerContext.caller(), "web", httpRequest.getRemoteAddr());
    openings.opened(ProcessOpenings.API, mark, view.process().createdAt());
    return ProcessMapper.toResponse(view, true, links);
  }

  @GET
  @Path("{process_id}")
  @Operation(operationId = "getProcess", summary = "A process with its steps",
      description = "Backend key, or the web token that started the process.")
  @APIResponse(responseCode = "200", description = "The process, with steps", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Process")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ProcessResponse get(
      @Parameter(description = "Process id", example = "IDP0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("process_id") String processId) {
    return ProcessMapper.toResponse(processes.get(callerContext.caller(), processId), true, links);
  }

  /**
   * Truora's "Delete Identity Process": erases the process's personal data now (as the retention
   * purge does) and keeps its outcome; a pending process is canceled first. Backend key only.
   */
  @DELETE
  @Path("{process_id}")
  @Operation(operationId = "deleteProcess", summary = "Delete (redact) a process, as Truora's DELETE",
      description = "Erases the process's images and personal data now and keeps its outcome and reasons; a"
          + " pending process is canceled first. Backend key only.")
  @APIResponse(responseCode = "200", description = "Deleted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Message")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public MessageResponse delete(
      @Parameter(description = "The process id", example = "IDP3ca341c4d9676046f26d1f8bd0421a2b", required = true)
          @PathParam("process_id") String processId) {
    processes.delete(callerContext.caller(), processId);
    return new MessageResponse("Identity Process successfully deleted");
  }

  @GET
  @Path("{process_id}/result")
  @Operation(operationId = "getProcessResult", summary = "Truora's result of a process",
      description = "status pending, success or failure; a failure carries failure_status and a catalogued"
          + " declined_reason or expired_reason; validations carry details and signed image links.")
  @APIResponse(responseCode = "200", description = "The result", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Process")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ProcessResponse result(
      @Parameter(description = "Process id", example = "IDP0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("process_id") String processId) {
    return ProcessMapper.toResponse(processes.get(callerContext.caller(), processId), false, links);
  }

  /** The process's timeline from the event log, oldest first. */
  @GET
  @Path("{process_id}/events")
  @Operation(operationId = "getProcessEvents", summary = "The timeline of a process, oldest first",
      description = "The process's events from the event log, with who caused each.")
  @APIResponse(responseCode = "200", description = "The timeline", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProcessEventList")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ProcessEventListResponse events(
      @Parameter(description = "Process id", example = "IDP0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("process_id") String processId) {
    return new ProcessEventListResponse(
        processId,
        processEvents.timeline(callerContext.caller(), processId).stream().map(ProcessEventMapper::toResponse).toList());
  }

  /**
   * Truora's "Modify Status" on a finished process. Form: {@code status} ({@code success} or
   * {@code failure}), {@code reason} (an override reason for that status), {@code note},
   * {@code user}. Answers the result with {@code override_status} and its history.
   */
  @POST
  @Path("{process_id}/override")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(operationId = "overrideProcess", summary = "Override the status of a finished process (Truora's Modify Status)",
      description = "The result keeps the original status and gains override_status and override_status_history. A pending process is 409; a reason of the other direction is 400.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "OverrideForm")))
  @APIResponse(responseCode = "200", description = "The result with override_status", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Process")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ProcessResponse override(
      @Parameter(description = "Process id", example = "IDP0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("process_id") String processId, MultivaluedMap<String, String> form) {
    FormReader f = FormReader.of(form);
    f.rejectUnknown(Set.of("status", "reason", "note", "user")::contains);
    Caller caller = callerContext.caller();
    overrides.override(
        caller, processId, f.required("status"), f.required("reason"), f.optional("note").orElse(null),
        f.required("user"));
    return ProcessMapper.toResponse(processes.get(caller, processId), false, links);
  }

  @GET
  @Operation(operationId = "listProcesses", summary = "The tenant's processes (Truora's List Identity)",
      description = "At most 20 per page, newest first. Backend key only.")
  @APIResponse(responseCode = "200", description = "A page of results", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProcessList")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ProcessListResponse list(
      @Parameter(description = "pending, success or failure") @QueryParam("status") String status,
      @Parameter(description = "declined, expired or system_error") @QueryParam("failure_status") String failureStatus,
      @Parameter(description = "A catalogued declined reason; repeatable") @QueryParam("declined_reason") List<String> declinedReasons,
      @Parameter(description = "ISO-8601 with offset; with end_date, at most two months apart", example = "2026-01-31T00:00:00-05:00")
          @QueryParam("start_date") String startDate,
      @Parameter(description = "ISO-8601 with offset", example = "2026-02-28T00:00:00-05:00") @QueryParam("end_date") String endDate,
      @Parameter(description = "Exact process or flow id, or an account id prefix") @QueryParam("search") String search,
      @Parameter(description = "Cursor from the previous page's next link") @QueryParam("start_key") String startKey) {
    ProcessQuery query = query(status, failureStatus, declinedReasons, startDate, endDate, search);
    var page = processes.list(callerContext.caller(), query, startKey, PAGE_SIZE);
    return new ProcessListResponse(
        page.items().stream().map(v -> ProcessMapper.toResponse(v, false, links)).toList(),
        Links.next(uriInfo, page.nextKey()),
        Links.self(uriInfo));
  }

  static ProcessQuery query(
      String status, String failureStatus, List<String> declinedReasons, String startDate, String endDate, String search) {
    ProcessStatus s =
        blank(status)
            ? null
            : ProcessStatus.fromWire(status)
                .orElseThrow(() -> invalid("status", "status must be pending, success or failure"));
    FailureStatus f =
        blank(failureStatus)
            ? null
            : FailureStatus.fromWire(failureStatus)
                .orElseThrow(() -> invalid("failure_status", "failure_status must be declined, expired or system_error"));
    List<String> reasons = declinedReasons == null ? List.of() : declinedReasons.stream().filter(r -> !blank(r)).toList();
    for (String r : reasons) {
      if (!ReasonCatalogue.standard().isDeclinedReason(r)) {
        throw invalid("declined_reason", "declined_reason " + r + " is not a known declined reason");
      }
    }
    if (blank(startDate) != blank(endDate)) {
      throw invalid("start_date", "start_date and end_date must be given together");
    }
    OffsetDateTime start = blank(startDate) ? null : date("start_date", startDate);
    OffsetDateTime end = blank(endDate) ? null : date("end_date", endDate);
    if (start != null && (end.isBefore(start) || Duration.between(start, end).compareTo(MAX_RANGE) > 0)) {
      throw invalid("end_date", "end_date must be after start_date and at most two months later");
    }
    if (!blank(search) && search.length() > 100) {
      throw invalid("search", "search must be at most 100 characters");
    }
    return new ProcessQuery(s, f, reasons, start, end, blank(search) ? null : search.trim(), null);
  }

  private static OffsetDateTime date(String field, String value) {
    try {
      return WireDates.checkDateTime(field, OffsetDateTime.parse(value));
    } catch (DateTimeParseException e) {
      throw invalid(field, field + " must be an ISO-8601 date-time with offset, e.g. 2024-01-31T00:00:00-05:00");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(field, InvalidInputException.PREFIX + message);
  }
}
