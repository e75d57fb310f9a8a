package io.idforge.identity.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.flows.AllowedDocumentTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowFormTest {

  @Test
  void apiPathsLandOnTheirFields() {
    assertEquals("flow:name", FlowFormFields.clientId("name"));
    assertEquals("flow:ttl", FlowFormFields.clientId("time_to_live"));
    assertEquals("flow:color", FlowFormFields.clientId("primary_color"));
    assertEquals("flow:steps:1:type", FlowFormFields.clientId("steps[1].type"));
    assertEquals("flow:steps:0:timeout", FlowFormFields.clientId("steps[0].config.timeout"));
    assertEquals("flow:steps:2:documents", FlowFormFields.clientId("steps[2].config.allowed_document_types[0].country"));
    assertEquals("flow:steps:0:type", FlowFormFields.clientId("steps[0]"));
    assertEquals("flow:steps-message", FlowFormFields.clientId("steps"));
    assertNull(FlowFormFields.clientId(null));
    assertEquals("flow:frame-ancestors", FlowFormFields.clientId("allowed_frame_ancestors"));
    assertEquals("flow:frame-ancestors", FlowFormFields.clientId("allowed_frame_ancestors[3]"));
    assertEquals("flow:steps:1:liveness-type", FlowFormFields.clientId("steps[1].config.liveness_type"));
    assertEquals("flow:steps:1:liveness-fallback", FlowFormFields.clientId("steps[1].config.liveness_fallback"));
  }

  @Test
  void theAllowlistBoxReadsOneOriginPerLine() {
    assertEquals(List.of("https://shop.example.com", "https://b.example", "http://localhost:3000"),
        FlowEditorBacking.origins(" https://shop.example.com\r\nhttps://b.example, http://localhost:3000\n"));
    assertNull(FlowEditorBacking.origins(" \n "));
    assertNull(FlowEditorBacking.origins(null));
  }

  @Test
  void documentTypesReadAsCountryThenTypes() {
    assertEquals(List.of(new AllowedDocumentTypes("CO", List.of("national-id", "passport")),
            new AllowedDocumentTypes("ALL", List.of("passport"))),
        FlowEditorBacking.documents("f", "co: national-id, passport ; ALL:passport;"));
    assertNull(FlowEditorBacking.documents("f", "  "));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FlowEditorBacking.documents("steps[0].config.allowed_document_types", "CO national-id"));
    assertEquals("steps[0].config.allowed_document_types", e.field());
  }

  @Test
  void numbersAreRefusedWithTheirPath() {
    assertEquals(3, FlowEditorBacking.integer("x", " 3 "));
    assertNull(FlowEditorBacking.integer("x", ""));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> FlowEditorBacking.integer("steps[1].config.timeout", "ten"));
    assertEquals("steps[1].config.timeout", e.field());
    assertEquals("Invalid request: steps[1].config.timeout must be an integer", e.getMessage());
    assertEquals(0.7, FlowEditorBacking.decimal("x", "0,7"), 1e-9);
  }
}
