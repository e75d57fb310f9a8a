package io.idforge.identity.api.apikeys;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * 200 answer to {@code POST /v1/api-keys}: {@code {"api_key": "<jwt>", "message": "API key
 * created successfully"}}. The token is shown once and never stored.
 */
@JsonbPropertyOrder({"apiKey", "message"})
public record ApiKeyCreatedResponse(
    @JsonbProperty("api_key") String apiKey, @JsonbProperty("message") String message) {

  /** Truora's exact success message. */
  public static final String CREATED_MESSAGE = "API key created successfully";

  /** The answer carrying a freshly issued token. */
  public static ApiKeyCreatedResponse created(String token) {
    return new ApiKeyCreatedResponse(token, CREATED_MESSAGE);
  }
}
