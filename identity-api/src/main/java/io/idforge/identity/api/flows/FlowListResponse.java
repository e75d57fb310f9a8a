package io.idforge.identity.api.flows;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * 200 answer to {@code GET /v1/flows}: one page of flows with the cursor links ({@code next} is
 * absent on the last page).
 */
@JsonbPropertyOrder({"flows", "next", "self"})
public record FlowListResponse(
    @JsonbProperty("flows") List<FlowResponse> flows,
    @JsonbProperty("next") String next,
    @JsonbProperty("self") String self) {}
