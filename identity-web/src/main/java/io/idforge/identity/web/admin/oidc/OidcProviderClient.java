package io.idforge.identity.web.admin.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The provider's three HTTP endpoints as the console uses them: discovery
 * ({@code <issuer>/.well-known/openid-configuration}, whose {@code issuer} must equal ours), the
 * token endpoint (authorization code plus PKCE verifier, the secret by HTTP Basic when configured)
 * and the JWKS. Read at every sign-in, which is rare, so a provider's key rotation is picked up at
 * once without a cache to invalidate. Short timeouts: a slow provider makes one sign-in fail, not
 * the console hang.
 */
@ApplicationScoped
public class OidcProviderClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Inject OidcSettings settings;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  /** The provider's endpoints, from its discovery document. */
  record Endpoints(String authorization, String token, String jwks) {}

  Endpoints discover() {
    String issuer = settings.issuer();
    JsonObject doc = getJson(URI.create(issuer + "/.well-known/openid-configuration"));
    if (!issuer.equals(text(doc, "issuer"))) {
      throw new OidcRefusal("discovery names another issuer");
    }
    return new Endpoints(text(doc, "authorization_endpoint"), text(doc, "token_endpoint"), text(doc, "jwks_uri"));
  }

  /** The URL the browser is sent to: code flow, S256 PKCE, state and nonce. */
  String authorizationUrl(Endpoints endpoints, OidcAttempt attempt) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", settings.clientId());
    query.put("redirect_uri", settings.redirectUri());
    query.put("scope", settings.scopes());
    query.put("state", attempt.state());
    query.put("nonce", attempt.nonce());
    query.put("code_challenge", attempt.challenge());
    query.put("code_challenge_method", "S256");
    String separator = endpoints.authorization().contains("?") ? "&" : "?";
    return endpoints.authorization() + separator + form(query);
  }

  /** Exchanges the code for the id_token (the access token is not used). */
  String redeem(Endpoints endpoints, String code, OidcAttempt attempt) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("redirect_uri", settings.redirectUri());
    body.put("code_verifier", attempt.verifier());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.token())).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
    if (settings.clientSecret().isPresent()) {
      // RFC 6749 2.3.1: both parts form-encoded before Basic.
      String pair = enc(settings.clientId()) + ":" + enc(settings.clientSecret().get());
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else {
      body.put("client_id", settings.clientId());
    }
    HttpResponse<String> answer = send(request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build());
    if (answer.statusCode() != 200) {
      throw new OidcRefusal("token endpoint answered " + answer.statusCode());
    }
    return text(parse(answer.body()), "id_token");
  }

  JWKSet keys(Endpoints endpoints) {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(endpoints.jwks())).timeout(TIMEOUT).GET().build());
    if (answer.statusCode() != 200) {
      throw new OidcRefusal("JWKS answered " + answer.statusCode());
    }
    try {
      return JWKSet.parse(answer.body());
    } catch (ParseException e) {
      throw new OidcRefusal("JWKS is not a JWK set");
    }
  }

  private JsonObject getJson(URI uri) {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build());
    if (answer.statusCode() != 200) {
      throw new OidcRefusal("discovery answered " + answer.statusCode());
    }
    return parse(answer.body());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new OidcRefusal("provider unreachable (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OidcRefusal("interrupted");
    }
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new OidcRefusal("provider answered no JSON object");
    }
  }

  private static String text(JsonObject doc, String name) {
    if (!(doc.get(name) instanceof JsonString value) || value.getString().isBlank()) {
      throw new OidcRefusal("provider answer lacks " + name);
    }
    return value.getString();
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
