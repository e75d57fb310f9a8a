package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** 200 answer to {@code GET /v1/processes/{id}/events}: the whole timeline, oldest first. */
@JsonbPropertyOrder({"processId", "events"})
public record ProcessEventListResponse(
    @JsonbProperty("process_id") String processId,
    @JsonbProperty("events") List<ProcessEventResponse> events) {}
