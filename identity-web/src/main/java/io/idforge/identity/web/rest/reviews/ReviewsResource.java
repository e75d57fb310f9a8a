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

/**
 * {@code /v1/reviews}: list the tenant's review tasks (oldest first, filters {@code status} and
 * {@code type}), read one, claim one for a reviewer, and decide it. Backend key only. Forms are
 * read strictly: an unknown field is a 400 naming it.
 */
@Path("reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

  static final int PAGE_SIZE = 20;

  @Inject ReviewService reviews;

  @Inject CallerContext callerContext;

  @Context UriInfo uriInfo;

  @GET
  public ReviewListResponse list(
      @QueryParam("status") String status, @QueryParam("type") String type, @QueryParam("start_key") String startKey) {
    Page<ReviewTask> page = reviews.list(callerContext.caller(), blankToNull(status), blankToNull(type), startKey, PAGE_SIZE);
    return new ReviewListResponse(
        page.items().stream().map(ReviewMapper::toResponse).toList(),
        Links.next(uriInfo, page.nextKey()),
        Links.self(uriInfo));
  }

  @GET
  @Path("{review_id}")
  public ReviewResponse get(@PathParam("review_id") String reviewId) {
    return ReviewMapper.toResponse(reviews.get(callerContext.caller(), reviewId));
  }

  /** Form: {@code reviewer} (the console passes its signed-in user). */
  @POST
  @Path("{review_id}/claim")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public ReviewResponse claim(@PathParam("review_id") String reviewId, MultivaluedMap<String, String> form) {
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
  public ReviewResponse decide(@PathParam("review_id") String reviewId, MultivaluedMap<String, String> form) {
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
