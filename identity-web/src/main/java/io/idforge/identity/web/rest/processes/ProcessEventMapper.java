package io.idforge.identity.web.rest.processes;

import io.idforge.identity.api.processes.ProcessEventResponse;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.shared.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Event-log rows on the wire: the stored JSON snapshot becomes a JSON object, not a string. */
final class ProcessEventMapper {

  private ProcessEventMapper() {}

  static ProcessEventResponse toResponse(ProcessEvent e) {
    JsonObject object;
    try (JsonReader reader = JsonSupport.JSON.createReader(new StringReader(e.object()))) {
      object = reader.readObject();
    }
    return new ProcessEventResponse(
        e.eventId(), e.eventType(), e.eventAction(), e.actor(), e.validationId(), object, e.createdAt());
  }
}
