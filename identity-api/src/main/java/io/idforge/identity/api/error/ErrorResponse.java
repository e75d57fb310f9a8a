package io.idforge.identity.api.error;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * Truora's error envelope: {@code {"code": 10400, "http_code": 400, "message": "..."}}. A 5xx
 * answer adds {@code request_id}, the id of the request in the service's logs (absent otherwise:
 * nulls are omitted).
 */
// @JsonbPropertyOrder takes Java names, not wire names: Yasson 3 ignores "http_code" here.
@JsonbPropertyOrder({"code", "httpCode", "message", "requestId"})
public record ErrorResponse(
    @JsonbProperty("code") int code,
    @JsonbProperty("http_code") int httpCode,
    @JsonbProperty("message") String message,
    @JsonbProperty("request_id") String requestId) {

  /** The envelope without a request id, as every 4xx answer is. */
  public static ErrorResponse of(ErrorCode errorCode, String message) {
    return new ErrorResponse(
        errorCode.code(),
        errorCode.httpStatus(),
        message == null || message.isBlank() ? errorCode.defaultMessage() : message,
        null);
  }

  /** The same envelope carrying {@code request_id}. */
  public ErrorResponse withRequestId(String id) {
    return new ErrorResponse(code, httpCode, message, id);
  }
}
