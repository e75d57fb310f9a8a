package io.idforge.identity.api.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.api.JsonSupport;
import io.idforge.identity.api.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameAncestorOriginsTest {

  @Test
  void originsAreNormalisedDeduplicatedAndKeepTheirOrder() {
    assertEquals(
        List.of("https://shop.example.com", "https://pay.example.com:8443", "http://localhost:3000", "http://127.0.0.1"),
        FrameAncestorOrigins.normalise(List.of(
            "https://Shop.Example.COM", "https://pay.example.com:8443", "http://localhost:3000", "HTTP://127.0.0.1:80",
            "https://shop.example.com:443", "https://shop.example.com/")));
    assertEquals(List.of(), FrameAncestorOrigins.normalise(null));
    assertEquals(List.of(), FrameAncestorOrigins.normalise(List.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "http://shop.example.com", "shop.example.com", "https://*.example.com", "*", "'self'", "'none'",
    "https://shop.example.com/path", "https://shop.example.com?q=1", "https://shop.example.com#x",
    "https://user@shop.example.com", "https://shop.example.com; script-src *", "https://shop.example.com https://evil.test",
    "https://shop_example.com", "javascript:alert(1)", "data:text/html,x", "https://", "https://shop.example.com:0",
    "https://shop.example.com:99999", "https://shop.example.com:", "ftp://localhost", "http://localhost.evil.test",
    "https://[::1]", ""
  })
  void anythingButAnHttpsOriginOrALocalDevelopmentOriginIsRefusedNamingTheEntry(String bad) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> FrameAncestorOrigins.normalise(List.of("https://ok.example.com", bad)));
    assertEquals("allowed_frame_ancestors[1]", e.field());
    assertEquals("Invalid request: allowed_frame_ancestors[1] must be an origin such as https://shop.example.com"
        + " (https, or http only for localhost and 127.0.0.1), without path, query or wildcard", e.getMessage());
  }

  @Test
  void atMostTenOriginsAndNoNullEntry() {
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add("https://s" + i + ".example.com");
    }
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FrameAncestorOrigins.normalise(eleven));
    assertEquals("allowed_frame_ancestors", e.field());
    assertEquals(10, FrameAncestorOrigins.normalise(eleven.subList(0, 10)).size());
    assertEquals("allowed_frame_ancestors[0]",
        assertThrows(InvalidInputException.class, () -> FrameAncestorOrigins.normalise(Collections.singletonList(null))).field());
  }

  @Test
  void theFlowRequestChecksTheFieldAndItsJsonTypes() {
    FlowRequest ok = FlowRequestTest.bind(
        "{\"name\":\"n\",\"steps\":[{\"type\":\"email-verification\"}],\"allowed_frame_ancestors\":[\"https://shop.example.com\"]}");
    ok.validate();
    assertEquals(List.of("https://shop.example.com"), ok.allowedFrameAncestors());
    FlowRequestTest.assertInvalid(
        new FlowRequest("n", null, null, List.of(new FlowStepRequest("email-verification", null)), null, null, null, null, null,
            List.of("http://shop.example.com")),
        "allowed_frame_ancestors[0]",
        "Invalid request: allowed_frame_ancestors[0] must be an origin such as https://shop.example.com"
            + " (https, or http only for localhost and 127.0.0.1), without path, query or wildcard");
    InvalidInputException notArray = assertThrows(InvalidInputException.class, () -> FlowRequest.checkKnownFields(JsonSupport.object(
        "{\"name\":\"n\",\"steps\":[],\"allowed_frame_ancestors\":\"https://shop.example.com\"}")));
    assertEquals("allowed_frame_ancestors", notArray.field());
    InvalidInputException notString = assertThrows(InvalidInputException.class, () -> FlowRequest.checkKnownFields(JsonSupport.object(
        "{\"name\":\"n\",\"steps\":[],\"allowed_frame_ancestors\":[\"https://a.example.com\",7]}")));
    assertEquals("allowed_frame_ancestors[1]", notString.field());
    assertEquals("Invalid request: allowed_frame_ancestors[1] must be a string", notString.getMessage());
  }
}
