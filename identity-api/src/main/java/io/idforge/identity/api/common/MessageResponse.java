package io.idforge.identity.api.common;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Truora's bare message answer, {@code {"message": "..."}}: the 401 body ({@code "Unauthorized"})
 * and the confirmation of deletions, e.g. {@code "Identity Process successfully deleted"}.
 *
 * @param message {@code message}
 */
public record MessageResponse(@JsonbProperty("message") String message) {

  /** The exact 401 body Truora sends for a missing, unknown or revoked key. */
  public static final String UNAUTHORIZED = "Unauthorized";

  /**
   * What Truora's API gateway answers (403) to a route it does not know, asked without a key; it
   * never reaches a service, so it is not in the error envelope.
   */
  public static final String MISSING_AUTHENTICATION_TOKEN = "Missing Authentication Token";

  /** {@code {"message": "Unauthorized"}}. */
  public static MessageResponse unauthorized() {
    return new MessageResponse(UNAUTHORIZED);
  }

  /** A message answer with the given text. */
  public static MessageResponse of(String message) {
    return new MessageResponse(message);
  }
}
