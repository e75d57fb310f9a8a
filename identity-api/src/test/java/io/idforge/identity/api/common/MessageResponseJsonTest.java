package io.idforge.identity.api.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.api.JsonSupport;
import org.junit.jupiter.api.Test;

class MessageResponseJsonTest {

  @Test
  void unauthorizedIsExactlyTruorasBody() {
    assertEquals("{\"message\":\"Unauthorized\"}", JsonSupport.toJson(MessageResponse.unauthorized()));
  }

  @Test
  void roundTrips() {
    MessageResponse m = MessageResponse.of("Identity Process successfully deleted");
    String json = JsonSupport.toJson(m);
    assertEquals("{\"message\":\"Identity Process successfully deleted\"}", json);
    assertEquals(m, JsonSupport.fromJson(json, MessageResponse.class));
  }

  @Test
  void nullMessageIsOmitted() {
    assertEquals("{}", JsonSupport.toJson(new MessageResponse(null)));
  }
}
