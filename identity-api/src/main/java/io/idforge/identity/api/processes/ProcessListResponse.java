package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * 200 answer to {@code GET /v1/processes} ("List Identity"): at most 20 processes per page with
 * the cursor links ({@code next} is absent on the last page).
 */
@JsonbPropertyOrder({"identityProcesses", "next", "self"})
public record ProcessListResponse(
    @JsonbProperty("identity_processes") List<ProcessResponse> identityProcesses,
    @JsonbProperty("next") String next,
    @JsonbProperty("self") String self) {}
