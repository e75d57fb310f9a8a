package io.idforge.identity.web.rest.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.api.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

  private static InvalidInputException rejected(String body) {
    return assertThrows(InvalidInputException.class, () -> StrictJson.check(body));
  }

  @Test
  void wellFormedBodiesPass() {
    assertDoesNotThrow(() -> StrictJson.check("{\"name\":\"KYC\",\"steps\":[{\"type\":\"a\"},{\"type\":\"b\",\"config\":{}}]}"));
    assertDoesNotThrow(() -> StrictJson.check("  {\"a\":[1,2,[3]],\"b\":null}\n"));
    // The same key in two different objects is no duplicate.
    assertDoesNotThrow(() -> StrictJson.check("{\"steps\":[{\"type\":\"a\"},{\"type\":\"b\"}]}"));
  }

  @Test
  void trailingContentIsRefused() {
    assertEquals(StrictJson.TRAILING, rejected("{\"name\":\"x\"} garbage").getMessage());
    assertEquals(StrictJson.TRAILING, rejected("{\"name\":\"x\"}{\"name\":\"y\"}").getMessage());
    assertEquals(StrictJson.TRAILING, rejected("{} []").getMessage());
  }

  @Test
  void duplicateKeysAreNamedByTheirPath() {
    InvalidInputException top = rejected("{\"name\":\"a\",\"name\":\"b\"}");
    assertEquals("Invalid request: duplicate field name", top.getMessage());
    assertEquals("name", top.field());
    InvalidInputException nested =
        rejected("{\"steps\":[{\"type\":\"a\"},{\"type\":\"b\",\"config\":{\"x\":1,\"x\":2}}]}");
    assertEquals("Invalid request: duplicate field steps[1].config.x", nested.getMessage());
  }

  @Test
  void nulCharactersAreRefusedInValuesAndKeys() {
    assertEquals("Invalid request: steps[0].type must not contain NUL characters",
        rejected("{\"steps\":[{\"type\":\"a\\u0000b\"}]}").getMessage());
    assertEquals("Invalid request: a field name contains a NUL character", rejected("{\"a\\u0000\":1}").getMessage());
  }

  @Test
  void malformedEmptyOrTooDeepBodiesAreRefused() {
    assertEquals(StrictJson.NOT_JSON, rejected("").getMessage());
    assertEquals(StrictJson.NOT_JSON, rejected("{\"name\":").getMessage());
    assertEquals(StrictJson.NOT_JSON, rejected("not json").getMessage());
    assertEquals("Invalid request: the body is nested too deeply",
        rejected("[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1)).getMessage());
    assertDoesNotThrow(() -> StrictJson.check("[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH)));
  }
}
