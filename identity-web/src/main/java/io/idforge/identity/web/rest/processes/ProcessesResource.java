package io.idforge.identity.web.rest.processes;

import io.idforge.identity.api.common.WireDates;
import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.common.MessageResponse;
import io.idforge.identity.api.processes.ProcessListResponse;
import io.idforge.identity.api.processes.ProcessResponse;
import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.core.application.ProcessService;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.ProcessQuery;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.web.rest.Links;
import io.idforge.identity.web.rest.media.MediaLinks;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /v1/processes}: start or resume the process of a web token (custom front ends), read a
 * process or its result, and list the tenant's processes with Truora's filters.
 */
@Path("processes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProcessesResource {

  static final int PAGE_SIZE = 20;

  /** Truora caps a listing's date range at two months. */
  static final Duration MAX_RANGE = Duration.ofDays(62);

  @Inject ProcessService processes;

  @Inject CallerContext callerContext;

  @Inject MediaLinks links;

  @Context UriInfo uriInfo;

  @Context HttpServletRequest httpRequest;

  /** Truora's "Create Identity": the web token in {@code Truora-API-Key} starts or resumes its process. */
  @POST
  public ProcessResponse start() {
    return ProcessMapper.toResponse(
        processes.startOrResume(callerContext.caller(), "web", httpRequest.getRemoteAddr()), true, links);
  }

  @GET
  @Path("{process_id}")
  public ProcessResponse get(@PathParam("process_id") String processId) {
    return ProcessMapper.toResponse(processes.get(callerContext.caller(), processId), true, links);
  }

  /**
   * Truora's "Delete Identity Process": erases the process's personal data now (as the retention
   * purge does) and keeps its outcome; a pending process is canceled first. Backend key only.
   */
  @DELETE
  @Path("{process_id}")
  public MessageResponse delete(@PathParam("process_id") String processId) {
    processes.delete(callerContext.caller(), processId);
    return new MessageResponse("Identity Process successfully deleted");
  }

  @GET
  @Path("{process_id}/result")
  public ProcessResponse result(@PathParam("process_id") String processId) {
    return ProcessMapper.toResponse(processes.get(callerContext.caller(), processId), false, links);
  }

  @GET
  public ProcessListResponse list(
      @QueryParam("status") String status,
      @QueryParam("failure_status") String failureStatus,
      @QueryParam("declined_reason") List<String> declinedReasons,
      @QueryParam("start_date") String startDate,
      @QueryParam("end_date") String endDate,
      @QueryParam("search") String search,
      @QueryParam("start_key") String startKey) {
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
    return new ProcessQuery(s, f, reasons, start, end, blank(search) ? null : search.trim());
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
