package io.idforge.identity.api.accounts;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * 200 answer to {@code GET /v1/accounts}: one page of accounts with the cursor links ({@code next}
 * is absent on the last page).
 */
@JsonbPropertyOrder({"accounts", "next", "self"})
public record AccountListResponse(
    @JsonbProperty("accounts") List<AccountResponse> accounts,
    @JsonbProperty("next") String next,
    @JsonbProperty("self") String self) {}
