package io.idforge.identity.web.it;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.text.ParseException;

/** Decoding helpers for the tokens the service issues. */
final class Jwts {

  private Jwts() {}

  static SignedJWT parse(String token) {
    try {
      return SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new AssertionError("not a signed JWT: " + token, e);
    }
  }

  static JWTClaimsSet claims(String token) {
    try {
      return parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AssertionError("unreadable claims in " + token, e);
    }
  }

  /** The claims as the raw JSON object of the payload. */
  static JsonObject payload(String token) {
    return json(parse(token).getPayload().toString());
  }

  /** The {@code additional_data} claim, which must be a JSON string, parsed. */
  static JsonObject additionalData(String token) {
    Object value = claims(token).getClaim("additional_data");
    if (!(value instanceof String s)) {
      throw new AssertionError("additional_data is not a JSON string: " + value);
    }
    return json(s);
  }

  static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
