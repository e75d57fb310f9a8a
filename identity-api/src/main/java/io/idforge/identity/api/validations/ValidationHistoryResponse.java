package io.idforge.identity.api.validations;

import io.idforge.identity.api.processes.ValidationResponse;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GET /v1/accounts/{id}/validations}: the account's validations, newest first.
 *
 * @param history {@code history}
 * @param next {@code next}, the next page's URL, absent on the last page
 * @param self {@code self}
 */
@JsonbPropertyOrder({"history", "next", "self"})
public record ValidationHistoryResponse(
    @JsonbProperty("history") List<ValidationResponse> history,
    @JsonbProperty("next") String next,
    @JsonbProperty("self") String self) {}
