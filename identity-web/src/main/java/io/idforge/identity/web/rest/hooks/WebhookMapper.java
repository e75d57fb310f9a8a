package io.idforge.identity.web.rest.hooks;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.hooks.EndpointResponse;
import io.idforge.identity.api.hooks.HookEventResponse;
import io.idforge.identity.core.domain.shared.JsonSupport;
import io.idforge.identity.core.domain.webhook.EndpointSettings;
import io.idforge.identity.core.domain.webhook.EventFilter;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.webhook.WebhookEndpoint;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads endpoint bodies strictly (unknown field or wrong type: 400 naming it) and writes the answers. */
final class WebhookMapper {

  static final Set<String> FIELDS = Set.of("url", "http_method", "event_types", "event_actions", "headers", "enabled");

  private WebhookMapper() {}

  /** Parses a create or replace body; absent fields take their defaults (POST, all events, enabled). */
  static EndpointSettings parse(String body) {
    JsonObject json;
    try (var reader = JsonSupport.JSON.createReader(new StringReader(body == null ? "" : body))) {
      JsonValue v = reader.readValue();
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidInputException(null, "Invalid request: the body must be a JSON object");
      }
      json = v.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidInputException(null, "Invalid request: the body is not valid JSON");
    }
    for (String key : json.keySet()) {
      if (!FIELDS.contains(key)) {
        throw new InvalidInputException(key, "Invalid request: unknown field " + key);
      }
    }
    return new EndpointSettings(
        string(json, "url"),
        string(json, "http_method"),
        new EventFilter(strings(json, "event_types"), strings(json, "event_actions")),
        headers(json),
        !json.containsKey("enabled") || bool(json, "enabled"));
  }

  private static String string(JsonObject json, String field) {
    JsonValue v = json.get(field);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidInputException(field, "Invalid request: " + field + " must be a string");
    }
    return ((JsonString) v).getString();
  }

  private static boolean bool(JsonObject json, String field) {
    JsonValue v = json.get(field);
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    throw new InvalidInputException(field, "Invalid request: " + field + " must be true or false");
  }

  private static List<String> strings(JsonObject json, String field) {
    JsonValue v = json.get(field);
    if (v == null || v == JsonValue.NULL) {
      return List.of();
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidInputException(field, "Invalid request: " + field + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonValue item : (JsonArray) v) {
      if (item.getValueType() != JsonValue.ValueType.STRING) {
        throw new InvalidInputException(field, "Invalid request: " + field + " must be a list of strings");
      }
      out.add(((JsonString) item).getString());
    }
    return out;
  }

  private static Map<String, String> headers(JsonObject json) {
    JsonValue v = json.get("headers");
    if (v == null || v == JsonValue.NULL) {
      return Map.of();
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInputException("headers", "Invalid request: headers must be an object of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    v.asJsonObject().forEach((name, value) -> {
      if (value.getValueType() != JsonValue.ValueType.STRING) {
        throw new InvalidInputException("headers", "Invalid request: headers must be an object of strings");
      }
      out.put(name, ((JsonString) value).getString());
    });
    return out;
  }

  static EndpointResponse toResponse(WebhookEndpoint e, String secret, OffsetDateTime now) {
    EventFilter f = e.filter();
    OffsetDateTime previousUntil =
        e.previousSecretUntil() != null && now.isBefore(e.previousSecretUntil()) ? e.previousSecretUntil() : null;
    return new EndpointResponse(
        e.endpointId(), e.clientId(), e.url(), e.httpMethod(), f.eventTypes(), f.eventActions(), e.headers(),
        e.enabled(), secret, previousUntil, e.createdAt(), e.updatedAt());
  }

  static HookEventResponse toResponse(WebhookDelivery d) {
    return new HookEventResponse(
        d.clientId(), d.attempts(), d.status().wireValue(), d.eventAction(), d.eventType(), d.idempotencyKey(),
        d.object(), HookEventResponse.PRODUCT, d.eventAt(), d.updatedAt(), d.eventId(), d.endpointId(),
        d.lastHttpStatus());
  }
}
