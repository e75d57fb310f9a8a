package io.idforge.identity.api.reviews;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * 200 answer to {@code GET /v1/reviews}: one page of review tasks, oldest first, with the cursor
 * links ({@code next} is absent on the last page).
 */
@JsonbPropertyOrder({"reviews", "next", "self"})
public record ReviewListResponse(
    @JsonbProperty("reviews") List<ReviewResponse> reviews,
    @JsonbProperty("next") String next,
    @JsonbProperty("self") String self) {}
