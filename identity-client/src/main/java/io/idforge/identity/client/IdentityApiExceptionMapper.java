package io.idforge.identity.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every 4xx and 5xx answer into an {@link IdentityApiException} carrying the envelope's
 * {@code code}, {@code http_code}, {@code message} and {@code request_id}. A body that is not the
 * envelope (a proxy's HTML page) still gives the status, with the reason phrase as message.
 * Registered on every interface of this package with {@code @RegisterProvider}.
 */
public class IdentityApiExceptionMapper implements ResponseExceptionMapper<IdentityApiException> {

  @Override
  public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public IdentityApiException toThrowable(Response response) {
    int status = response.getStatus();
    String fallback = response.getStatusInfo().getReasonPhrase();
    String body;
    try {
      response.bufferEntity();
      body = response.hasEntity() ? response.readEntity(String.class) : "";
    } catch (RuntimeException unreadable) {
      body = "";
    }
    JsonObject o = parse(body);
    if (o == null) {
      return new IdentityApiException(0, status, fallback, null);
    }
    return new IdentityApiException(
        integer(o, "code", 0),
        integer(o, "http_code", status),
        o.containsKey("message") && o.get("message").getValueType() == JsonValue.ValueType.STRING
            ? o.getString("message")
            : fallback,
        o.containsKey("request_id") && o.get("request_id").getValueType() == JsonValue.ValueType.STRING
            ? o.getString("request_id")
            : null);
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue v = reader.readValue();
      return v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static int integer(JsonObject o, String name, int fallback) {
    JsonValue v = o.get(name);
    return v != null && v.getValueType() == JsonValue.ValueType.NUMBER ? o.getInt(name) : fallback;
  }
}
