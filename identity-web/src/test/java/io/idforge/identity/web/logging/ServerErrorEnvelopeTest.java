package io.idforge.identity.web.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.api.error.ErrorResponse;
import io.idforge.identity.web.rest.error.ErrorResponses;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A 500 carries the request's id in {@code request_id}; a 4xx does not. */
class ServerErrorEnvelopeTest {

  @AfterEach
  void clear() {
    RequestIds.clear();
  }

  @Test
  void aServerErrorNamesTheRequest() {
    RequestIds.set("req-500");
    Response r = ErrorResponses.internal(new IllegalStateException("test: deliberately unexpected"));
    assertEquals(500, r.getStatus());
    ErrorResponse body = (ErrorResponse) r.getEntity();
    assertEquals(10500, body.code());
    assertEquals(500, body.httpCode());
    assertEquals("req-500", body.requestId());
    assertTrue(body.message().matches("An unexpected error occurred\\. Try again later \\(ref [0-9a-f]{6}\\)"), body.message());
  }

  @Test
  void aClientErrorDoesNot() {
    RequestIds.set("req-400");
    ErrorResponse body = (ErrorResponse) ErrorResponses.of(ErrorCode.INVALID_REQUEST, "Invalid request: x").getEntity();
    assertNull(body.requestId());
  }
}
