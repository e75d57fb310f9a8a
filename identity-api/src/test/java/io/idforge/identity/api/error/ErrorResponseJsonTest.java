package io.idforge.identity.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.idforge.identity.api.JsonSupport;
import org.junit.jupiter.api.Test;

class ErrorResponseJsonTest {

  @Test
  void serialisesInTruoraKeyOrder() {
    ErrorResponse body =
        ErrorResponse.of(ErrorCode.INVALID_REQUEST, "Invalid request: key_type is required");
    assertEquals(
        "{\"code\":10400,\"http_code\":400,\"message\":\"Invalid request: key_type is required\"}",
        JsonSupport.toJson(body));
  }

  @Test
  void blankMessageFallsBackToTheDefault() {
    assertEquals(
        "{\"code\":10404,\"http_code\":404,\"message\":\"Resource not found\"}",
        JsonSupport.toJson(ErrorResponse.of(ErrorCode.NOT_FOUND, " ")));
  }

  @Test
  void rateLimitReusesCode10400() {
    assertEquals(
        "{\"code\":10400,\"http_code\":429,\"message\":\"Too many requests\"}",
        JsonSupport.toJson(ErrorResponse.of(ErrorCode.TOO_MANY_REQUESTS, null)));
  }

  @Test
  void aServerErrorCarriesTheRequestIdLast() {
    ErrorResponse body =
        ErrorResponse.of(ErrorCode.INTERNAL, "An unexpected error occurred. Try again later (ref 7f3a2c)")
            .withRequestId("5f0c6e0a9b1d4c2e8f7a6b5c4d3e2f10");
    String json =
        "{\"code\":10500,\"http_code\":500,\"message\":\"An unexpected error occurred. Try again later (ref 7f3a2c)\","
            + "\"request_id\":\"5f0c6e0a9b1d4c2e8f7a6b5c4d3e2f10\"}";
    assertEquals(json, JsonSupport.toJson(body));
    assertEquals(body, JsonSupport.fromJson(json, ErrorResponse.class));
  }

  @Test
  void roundTrips() {
    String json = "{\"code\":10403,\"http_code\":403,\"message\":\"the api key has expired\"}";
    ErrorResponse back = JsonSupport.fromJson(json, ErrorResponse.class);
    assertEquals(new ErrorResponse(10403, 403, "the api key has expired", null), back);
  }

  @Test
  void invalidInputExceptionAlwaysCarriesThePrefix() {
    InvalidInputException e = new InvalidInputException("grant", "grant is required");
    assertEquals("Invalid request: grant is required", e.getMessage());
    assertEquals("grant", e.field());
    InvalidInputException prefixed =
        new InvalidInputException(null, "Invalid request: the body must be a JSON object");
    assertEquals("Invalid request: the body must be a JSON object", prefixed.getMessage());
    assertNull(prefixed.field());
  }
}
