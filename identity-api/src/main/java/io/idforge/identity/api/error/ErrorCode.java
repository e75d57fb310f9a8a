package io.idforge.identity.api.error;

/**
 * Truora's error codes. The wire {@code code} is not always 10000 + HTTP status: a rate limit
 * answers 429 with code 10400, as Truora's checks API does.
 */
public enum ErrorCode {
  INVALID_REQUEST(10400, 400, "Invalid request"),
  FORBIDDEN(10403, 403, "Forbidden"),
  NOT_FOUND(10404, 404, "Resource not found"),
  CONFLICT(10409, 409, "Conflict"),
  PAYLOAD_TOO_LARGE(10400, 413, "Invalid request: the request body is too large"),
  UNSUPPORTED_MEDIA_TYPE(10400, 415, "Invalid request: unsupported content type"),
  UNPROCESSABLE(10422, 422, "Unprocessable entity"),
  TOO_MANY_REQUESTS(10400, 429, "Too many requests"),
  INTERNAL(10500, 500, "An unexpected error occurred. Try again later"),
  /**
   * Temporarily over capacity (all picture decoders busy): try again shortly. Truora has only
   * ever shown 10500 for a 5xx, so the code stays 10500 and the status says 503.
   */
  SERVICE_UNAVAILABLE(10500, 503, "Service unavailable: try again in a moment"),

  /** A dependency (the database) is unreachable for a moment: retry after {@code Retry-After}. */
  UNAVAILABLE(10500, 503, "Service temporarily unavailable. Try again later"),

  /** A code sent for a validation that stopped waiting: Truora answers 400 with code 10404. */
  VALIDATION_UNAVAILABLE(10404, 400, "Invalid request: requested validation is no longer available");

  private final int code;
  private final int httpStatus;
  private final String defaultMessage;

  ErrorCode(int code, int httpStatus, String defaultMessage) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.defaultMessage = defaultMessage;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String defaultMessage() {
    return defaultMessage;
  }

  /** The code Truora uses for an HTTP status it did not name explicitly. */
  public static ErrorCode forHttpStatus(int status) {
    for (ErrorCode c : values()) {
      if (c.httpStatus == status) {
        return c;
      }
    }
    return status >= 500 ? INTERNAL : INVALID_REQUEST;
  }
}
