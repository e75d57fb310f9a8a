package io.idforge.identity.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

/**
 * A small HTTP client for the black-box tests: the {@code Truora-API-Key} header, form and JSON
 * bodies, and raw answers (status, body, headers) with a JSON-P view of the body.
 */
final class ApiClient {

  static final String KEY_HEADER = "Truora-API-Key";

  private static ApiClient instance;

  /**
   * The server, resolved at the first request: a suite's static {@code api} field then never fails
   * its class initialisation, so when the shared server cannot start every test reports why
   * (instead of one ExceptionInInitializerError and "Could not initialize class" for the rest).
   */
  private final Supplier<ItServer> server;
  private final HttpClient http;

  /** A client of {@code server}; the shared server's is {@link #get()}. */
  ApiClient(ItServer server) {
    this(() -> server);
  }

  private ApiClient(Supplier<ItServer> server) {
    this.server = server;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** The client of the shared server (starting it on first use). */
  static synchronized ApiClient get() {
    if (instance == null) {
      instance = new ApiClient(ItServer::get);
    }
    return instance;
  }

  /** One HTTP answer. */
  record Resp(int status, String body, HttpHeaders headers) {

    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      } catch (RuntimeException e) {
        throw new AssertionError("body is not a JSON object (HTTP " + status + "): " + body, e);
      }
    }

    JsonArray array(String member) {
      JsonValue v = json().get(member);
      if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
        throw new AssertionError("no array " + member + " in " + body);
      }
      return v.asJsonArray();
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + body;
    }
  }

  URI uri(String pathAndQuery) {
    return server.get().baseUri.resolve(pathAndQuery);
  }

  HttpRequest.Builder request(String pathAndQuery, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60));
    if (key != null) {
      b.header(KEY_HEADER, key);
    }
    return b;
  }

  Resp get(String path, String key) {
    return send(request(path, key).GET());
  }

  Resp delete(String path, String key) {
    return send(request(path, key).DELETE());
  }

  /** POSTs {@code application/x-www-form-urlencoded} from alternating names and values. */
  Resp postForm(String path, String key, String... pairs) {
    return postRawForm(path, key, form(pairs));
  }

  /** POSTs an already encoded form body, byte for byte. */
  Resp postRawForm(String path, String key, String encodedBody) {
    return send(
        request(path, key)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encodedBody, StandardCharsets.UTF_8)));
  }

  Resp postJson(String path, String key, String json) {
    return send(
        request(path, key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  Resp putJson(String path, String key, String json) {
    return send(
        request(path, key)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** POST with no body, as the hosted UI's "Create Identity" call. */
  Resp postEmpty(String path, String key) {
    return send(request(path, key).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** A GET of an operational endpoint (/metrics, /health, /openapi) with the operator key. */
  /** A MicroProfile Health probe, where the server serves it, with the operator key. */
  Resp health(String path) {
    URI base = server.get().server.healthBase(server.get().baseUri);
    return send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Identity-Admin-Key", server.get().adminKey).GET());
  }

  /** The Prometheus text of the application's metrics, where the server serves it, with the operator key. */
  Resp metrics() {
    AppServer appServer = server.get().server;
    URI base = appServer.metricsBase(server.get().baseUri);
    return send(
        HttpRequest.newBuilder(base.resolve(appServer.metricsPath())).timeout(Duration.ofSeconds(60))
            .header("Identity-Admin-Key", server.get().adminKey).GET());
  }

  Resp getAsOperator(String path) {
    return send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Identity-Admin-Key", server.get().adminKey).GET());
  }

  /** The operator API: a new tenant with its first backend key. */
  Resp createClient(String name, String keyName) {
    return send(
        HttpRequest.newBuilder(uri("/v1/admin/clients"))
            .timeout(Duration.ofSeconds(60))
            .header("Identity-Admin-Key", server.get().adminKey)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form("name", name, "key_name", keyName))));
  }

  /** Sends; every JSON answer of /v1 is checked against the OpenAPI document ({@link OpenApiContract}). */
  Resp send(HttpRequest.Builder builder) {
    try {
      HttpRequest request = builder.build();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Resp resp = new Resp(r.statusCode(), r.body(), r.headers());
      OpenApiContract.check(request.method(), request.uri().getRawPath(), resp);
      return resp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  CompletableFuture<Resp> sendAsync(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(r -> {
          Resp resp = new Resp(r.statusCode(), r.body(), r.headers());
          OpenApiContract.check(request.method(), request.uri().getRawPath(), resp);
          return resp;
        });
  }

  /** Encodes alternating names and values as a form body. */
  static String form(String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate");
    }
    StringJoiner out = new StringJoiner("&");
    for (int i = 0; i < pairs.length; i += 2) {
      out.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
    }
    return out.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
