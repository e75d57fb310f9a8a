package io.idforge.identity.api.hooks;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** 200 answer to {@code GET /v1/hooks/events} (and to a range replay, without links). */
@JsonbPropertyOrder({"events", "next", "self"})
public record HookEventListResponse(
    @JsonbProperty("events") List<HookEventResponse> events,
    @JsonbProperty("next") String next,
    @JsonbProperty("self") String self) {}
