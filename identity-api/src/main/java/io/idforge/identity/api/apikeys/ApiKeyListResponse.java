package io.idforge.identity.api.apikeys;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * 200 answer to {@code GET /v1/api-keys}: one page of key summaries with the cursor links
 * ({@code next} is absent on the last page).
 */
@JsonbPropertyOrder({"apiKeys", "next", "self"})
public record ApiKeyListResponse(
    @JsonbProperty("api_keys") List<ApiKeySummary> apiKeys,
    @JsonbProperty("next") String next,
    @JsonbProperty("self") String self) {}
