package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code details.background_check} of a document validation: the identity-only background check
 * every document validation runs.
 *
 * @param checkId {@code check_id} ({@code CHK...})
 * @param checkUrl {@code check_url}, may be empty
 */
@JsonbPropertyOrder({"checkId", "checkUrl"})
public record BackgroundCheck(
    @JsonbProperty("check_id") String checkId, @JsonbProperty("check_url") String checkUrl) {}
