package io.idforge.identity.api.error;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** Truora's error envelope: {@code {"code": 10400, "http_code": 400, "message": "..."}}. */
// @JsonbPropertyOrder takes Java names, not wire names: Yasson 3 ignores "http_code" here.
@JsonbPropertyOrder({"code", "httpCode", "message"})
public record ErrorResponse(
    @JsonbProperty("code") int code,
    @JsonbProperty("http_code") int httpCode,
    @JsonbProperty("message") String message) {

  public static ErrorResponse of(ErrorCode errorCode, String message) {
    return new ErrorResponse(
        errorCode.code(),
        errorCode.httpStatus(),
        message == null || message.isBlank() ? errorCode.defaultMessage() : message);
  }
}
