package io.idforge.identity.web.rest.reviews;

import io.idforge.identity.api.common.FormReader;
import io.idforge.identity.api.reviews.ReviewListResponse;
import io.idforge.identity.api.reviews.ReviewResponse;
import io.idforge.identity.core.application.ReviewService;
import io.idforge.identity.core.domain.review.ReviewTask;
import io.idforge.identity.core.domain.shared.Page;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/reviews}: list the tenant's review tasks (oldest first, filters {@code status} and
 * {@code type}), read one, claim one for a reviewer, and decide it. Backend key only. Forms are
 * read strictly: an unknown field is a 400 naming it.
 */
@Tag(name = "reviews", description = "Manual review tasks (REV...)")
@Path("reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

  static final int PAGE_SIZE = 20;

  @Inject ReviewService reviews;

  @Inject CallerContext callerContext;

  @Context UriInfo uriInfo;

  @GET
  @Operation(operationId = "listReviews", summary = "The tenant's review tasks, oldest first (20 per page)")
  @APIResponse(responseCode = "200", description = "A page of review tasks", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReviewList")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ReviewListResponse list(
      @Parameter(description = "open, decided, expired or canceled") @QueryParam("status") String status,
      @Parameter(description = "A validation type, e.g. document-validation") @QueryParam("type") String type,
      @Parameter(description = "Cursor from the previous page's next link") @QueryParam("start_key") String startKey) {
    Page<ReviewTask> page = reviews.list(callerContext.caller(), blankToNull(status), blankToNull(type), startKey, PAGE_SIZE);
    return new ReviewListResponse(
        page.items().stream().map(ReviewMapper::toResponse).toList(),
        Links.next(uriInfo, page.nextKey()),
        Links.self(uriInfo));
  }

  @GET
  @Path("{review_id}")
  @Operation(operationId = "getReview", summary = "A review task")
  @APIResponse(responseCode = "200", description = "The review task", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Review")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ReviewResponse get(
      @Parameter(description = "Review task id", example = "REV0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("review_id") String reviewId) {
    return ReviewMapper.toResponse(reviews.get(callerContext.caller(), reviewId));
  }

  /** Form: {@code reviewer} (the console passes its signed-in user). */
  @POST
  @Path("{review_id}/claim")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(operationId = "claimReview", summary = "Take a review task",
      description = "Another reviewer then gets 409.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "ClaimReviewForm")))
  @APIResponse(responseCode = "200", description = "The claimed task", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Review")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ReviewResponse claim(
      @Parameter(description = "Review task id", example = "REV0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("review_id") String reviewId, MultivaluedMap<String, String> form) {
    FormReader f = FormReader.of(form);
    f.rejectUnknown(Set.of("reviewer")::contains);
    return ReviewMapper.toResponse(reviews.claim(callerContext.caller(), reviewId, f.required("reviewer")));
  }

  /**
   * Form: {@code decision} ({@code approved} or {@code declined}), {@code declined_reason} (a
   * catalogued declined reason, with {@code declined} only), {@code note}, {@code reviewer}.
   */
  @POST
  @Path("{review_id}/decision")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(operationId = "decideReview", summary = "Approve or decline a review task",
      description = "Approved: the flow continues; declined (with a catalogued declined_reason): the step and the process fail declined. Deciding twice, a task claimed by another reviewer or past its deadline is 409.")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(ref = "ReviewDecisionForm")))
  @APIResponse(responseCode = "200", description = "The decided task", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Review")))
  @APIResponse(responseCode = "400", ref = "InvalidRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public ReviewResponse decide(
      @Parameter(description = "Review task id", example = "REV0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", required = true) @PathParam("review_id") String reviewId, MultivaluedMap<String, String> form) {
    FormReader f = FormReader.of(form);
    f.rejectUnknown(Set.of("decision", "declined_reason", "note", "reviewer")::contains);
    ReviewService.Decision decision = ReviewService.Decision.fromWire(f.required("decision"));
    ReviewTask task =
        reviews.decide(
            callerContext.caller(), reviewId, decision, f.optional("declined_reason").orElse(null),
            f.required("reviewer"), f.optional("note").orElse(null));
    return ReviewMapper.toResponse(task);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
