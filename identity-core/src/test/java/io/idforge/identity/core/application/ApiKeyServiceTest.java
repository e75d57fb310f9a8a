package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.core.domain.shared.ForbiddenException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

  @Test
  void additionalDataHoldsTheRequestAsAJsonStringLikeTruoras() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("name", "juan");
    metadata.put("campaign", "a\"b");
    String json =
        WebTokenIssuance.additionalData(
            new WebTokenRequest(
                "web", "digital-identity", 1, "CO", "https://example.com/done", "IPF1", "acc-1",
                List.of("+573101234567"), List.of("ana@example.com"), "national-id", null, metadata));
    assertEquals(
        "{\"api_key_version\":1,\"country\":\"CO\",\"flow_id\":\"IPF1\",\"redirect_url\":\"https://example.com/done\","
            + "\"document_type\":\"national-id\",\"phones\":[\"+573101234567\"],\"emails\":[\"ana@example.com\"],"
            + "\"start_variables\":{\"metadata\":{\"campaign\":\"a\\\"b\",\"name\":\"juan\"}}}",
        json);
  }

  @Test
  void optionalPartsAreLeftOutWhenAbsent() {
    String json =
        WebTokenIssuance.additionalData(
            new WebTokenRequest("web", "digital-identity", 1, "ALL", "https://x.example", "IPF1", null, null, null, null, null, null));
    assertEquals(
        "{\"api_key_version\":1,\"country\":\"ALL\",\"flow_id\":\"IPF1\",\"redirect_url\":\"https://x.example\"}", json);
  }

  @Test
  void callersOfTheWrongKindAreTurnedAway() {
    Caller web = Caller.web("TCI1", "web-integration", "jti");
    assertThrows(
        ForbiddenException.class, web::requireBackend);
    assertThrows(
        ForbiddenException.class, Caller.backend("TCI1", "k")::requireWeb);
  }
}
