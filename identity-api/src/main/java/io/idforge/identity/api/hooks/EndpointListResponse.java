package io.idforge.identity.api.hooks;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** 200 answer to {@code GET /v1/hooks/endpoints}: one page with the cursor links. */
@JsonbPropertyOrder({"endpoints", "next", "self"})
public record EndpointListResponse(
    @JsonbProperty("endpoints") List<EndpointResponse> endpoints,
    @JsonbProperty("next") String next,
    @JsonbProperty("self") String self) {}
