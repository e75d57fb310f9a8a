package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.idforge.identity.web.it.ApiClient.Resp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the server publishes at {@code /openapi} is the committed
 * docs/openapi.yaml (compared as YAML trees, so key order does not matter), and it describes
 * every API operation with its security and error answers. After a deliberate API change,
 * regenerate the file with {@link #REGENERATE} and commit it.
 */
class OpenApiDocumentIT extends ItSupport {

  static final String REGENERATE =
      "mvn -B -pl identity-web -am verify -Dit.test=OpenApiDocumentIT -Dtest=none"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.regenerate=true";

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build());

  /** Every operation of the API, as {@code METHOD path}. New resources add theirs here. */
  private static final Set<String> OPERATIONS =
      Set.of(
          "POST /v1/api-keys", "GET /v1/api-keys", "DELETE /v1/api-keys/{api_key_id}",
          "POST /v1/flows", "GET /v1/flows", "GET /v1/flows/{flow_id}", "PUT /v1/flows/{flow_id}",
          "POST /v1/accounts", "GET /v1/accounts", "GET /v1/accounts/{account_id}",
          "POST /v1/processes", "GET /v1/processes", "GET /v1/processes/{process_id}",
          "GET /v1/processes/{process_id}/result", "GET /v1/media/{media_id}", "POST /v1/admin/clients",
          "GET /v1/processes/{process_id}/events", "POST /v1/processes/{process_id}/override",
          "POST /v1/validations", "GET /v1/validations/{validation_id}", "POST /v1/validations/{validation_id}",
          "PUT /v1/uploads/{validation_id}/{side}",
          "POST /v1/enrollments", "GET /v1/enrollments/{enrollment_id}",
          "GET /v1/accounts/{account_id}/validations", "GET /v1/accounts/{account_id}/enrollments",
          "GET /v1/reviews", "GET /v1/reviews/{review_id}", "POST /v1/reviews/{review_id}/claim",
          "POST /v1/reviews/{review_id}/decision",
          "POST /v1/hooks/endpoints", "GET /v1/hooks/endpoints", "GET /v1/hooks/endpoints/{endpoint_id}",
          "PUT /v1/hooks/endpoints/{endpoint_id}", "DELETE /v1/hooks/endpoints/{endpoint_id}",
          "POST /v1/hooks/endpoints/{endpoint_id}/rotate-secret",
          "GET /v1/hooks/events", "GET /v1/hooks/events/{idempotency_key}",
          "POST /v1/hooks/events/{idempotency_key}/replay", "POST /v1/hooks/events/replay");

  /**
   * Operations that take no API key, so have no 401: the signed upload links (ApiKeyFilter skips
   * uploads/; the signature is the credential, a bad one is 403).
   */
  private static final Set<String> KEYLESS = Set.of("PUT /v1/uploads/{validation_id}/{side}");

  /**
   * The served document without {@code endpoints}: Payara adds that non-standard top-level list
   * of paths, which OpenAPI validators reject, so the committed document leaves it out.
   */
  static ObjectNode served() throws IOException {
    // /openapi answers only the operator key (OperatorEndpointsFilter).
    Resp r = api.send(api.request("/openapi", null).header("Identity-Admin-Key", ItServer.get().adminKey).GET());
    assertEquals(200, r.status(), r::toString);
    ObjectNode doc = (ObjectNode) YAML.readTree(r.body());
    doc.remove("endpoints");
    return doc;
  }

  @Test
  void theServedDocumentIsTheCommittedOne() throws IOException {
    ObjectNode served = served();
    Path committed = OpenApiContract.document();
    if (Boolean.getBoolean("openapi.regenerate")) {
      Files.writeString(committed, YAML.writeValueAsString(served), StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(committed), () -> committed + " is missing; create it with: " + REGENERATE);
    JsonNode expected = YAML.readTree(Files.readString(committed, StandardCharsets.UTF_8));
    assertEquals(
        expected,
        served,
        () -> "the served OpenAPI document differs from docs/openapi.yaml; if the API change is intended run: "
            + REGENERATE);
  }

  @Test
  void everyOperationIsDescribedWithItsKeyAndErrors() throws IOException {
    JsonNode doc = served();
    Set<String> found = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) doc.get("paths")::fields) {
      for (Map.Entry<String, JsonNode> op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        found.add(name);
        JsonNode operation = op.getValue();
        assertTrue(operation.hasNonNull("summary"), () -> name + " has no summary");
        assertTrue(operation.hasNonNull("operationId"), () -> name + " has no operationId");
        boolean keyless = KEYLESS.contains(name);
        assertTrue(keyless || operation.path("responses").has("401"), () -> name + " does not document the 401");
        assertTrue(operation.path("responses").has("500"), () -> name + " does not document the 500");
        assertTrue(
            operation.path("responses").fieldNames().hasNext()
                && List.of("200", "201", "204").stream().anyMatch(operation.path("responses")::has),
            () -> name + " documents no success answer");
      }
    }
    assertEquals(new TreeSet<>(OPERATIONS), found);

    JsonNode scheme = doc.at("/components/securitySchemes/TruoraApiKey");
    assertEquals("apiKey", scheme.path("type").asText());
    assertEquals("header", scheme.path("in").asText());
    assertEquals("Truora-API-Key", scheme.path("name").asText());
    assertEquals("TruoraApiKey", doc.at("/security/0").fieldNames().next());

    JsonNode error = doc.at("/components/schemas/Error");
    assertEquals(Set.of("code", "http_code", "message"), new TreeSet<>(YAML.convertValue(error.get("required"), List.class)));
    assertEquals("#/components/schemas/Error",
        doc.at("/components/responses/InvalidRequest/content/application~1json/schema/$ref").asText());
  }
}
