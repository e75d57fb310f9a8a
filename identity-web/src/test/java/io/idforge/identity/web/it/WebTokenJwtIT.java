package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The web integration token as a JWT: header, signature with the configured secret, Truora's
 * claims, lifetime from the flow; forged tokens are a bare 401 and the wrong kind of key a 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebTokenJwtIT extends ItSupport {

  private Tenant tenant;
  private String defaultFlowId;
  private String shortFlowId;

  @BeforeAll
  void setUp() {
    tenant = newTenant("Jwt");
    defaultFlowId = createFlow(tenant, DEFAULT_TTL_FLOW);
    shortFlowId = createFlow(tenant, flowJson("Thirty minutes", 30, "email-verification"));
  }

  @Test
  void headerIsHs256JwtWithTheConfiguredKidAndTheSignatureVerifies() throws JOSEException {
    SignedJWT jwt = Jwts.parse(mintToken(tenant, defaultFlowId));
    JWSHeader header = jwt.getHeader();
    assertEquals(JWSAlgorithm.HS256, header.getAlgorithm());
    assertEquals(JOSEObjectType.JWT, header.getType());
    assertEquals(ItServer.KID, header.getKeyID());
    assertEquals(Set.of("alg", "typ", "kid"), Jwts.json(header.toBase64URL().decodeToString()).keySet());
    assertTrue(jwt.verify(new MACVerifier(ItServer.SECRET)), "signed with the configured secret");
    assertFalse(
        jwt.verify(new MACVerifier("a-completely-different-secret-of-32-bytes!".getBytes(StandardCharsets.US_ASCII))),
        "a different secret does not verify");
  }

  @Test
  void claimsAreTruoras() {
    long before = System.currentTimeMillis() / 1000;
    String token = mintToken(tenant, defaultFlowId, "account_id", "jwt-user-1", "phone", "+573101234567");
    long after = System.currentTimeMillis() / 1000;
    JsonObject payload = Jwts.payload(token);
    assertEquals(
        Set.of("account_id", "additional_data", "client_id", "exp", "grant", "iat", "iss", "jti", "key_name", "key_type", "username"),
        payload.keySet());
    JWTClaimsSet claims = Jwts.claims(token);
    assertEquals("jwt-user-1", claims.getClaim("account_id"));
    assertTrue(claims.getClaim("additional_data") instanceof String, "additional_data is a JSON string");
    assertEquals(
        Json.createObjectBuilder()
            .add("api_key_version", 1)
            .add("country", "ALL")
            .add("flow_id", defaultFlowId)
            .add("redirect_url", REDIRECT)
            .add("phones", Json.createArrayBuilder().add("+573101234567"))
            .build(),
        Jwts.additionalData(token));
    assertMatches(TCI, (String) claims.getClaim("client_id"));
    assertEquals(tenant.clientId(), claims.getClaim("client_id"));
    assertEquals("digital-identity", claims.getClaim("grant"));
    assertEquals(ItServer.ISSUER, claims.getIssuer());
    assertMatches(UUID_RE, claims.getJWTID());
    assertEquals("web-integration", claims.getClaim("key_name"));
    assertEquals("web", claims.getClaim("key_type"));
    assertEquals(tenant.keyName(), claims.getClaim("username"));
    long iat = payload.getJsonNumber("iat").longValueExact();
    assertTrue(iat >= before - 5 && iat <= after + 5, "iat is the issue time, in seconds");

    // The jti is the id under which the token is listed and revoked.
    assertTrue(ids(api.get("/v1/api-keys", tenant.apiKey()), "api_keys", "api_key_id").contains(claims.getJWTID()));
  }

  @Test
  void keyNameIsTakenFromTheRequest() {
    assertEquals("checkout-web", Jwts.claims(mintToken(tenant, defaultFlowId, "key_name", "checkout-web")).getClaim("key_name"));
  }

  @Test
  void lifetimeIsTheFlowsTimeToLive() {
    JsonObject byDefault = Jwts.payload(mintToken(tenant, defaultFlowId));
    assertEquals(7200, byDefault.getJsonNumber("exp").longValueExact() - byDefault.getJsonNumber("iat").longValueExact());
    JsonObject thirty = Jwts.payload(mintToken(tenant, shortFlowId));
    assertEquals(30 * 60, thirty.getJsonNumber("exp").longValueExact() - thirty.getJsonNumber("iat").longValueExact());
  }

  @Test
  void anAlgNoneTokenIsUnauthorized() {
    String genuine = mintToken(tenant, defaultFlowId);
    SignedJWT jwt = Jwts.parse(genuine);
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
    String unsigned = header + "." + jwt.getPayload().toBase64URL() + ".";
    assertRejectedAndUnused(unsigned, genuine);
    assertRejectedAndUnused(header + "." + jwt.getPayload().toBase64URL() + "." + jwt.getSignature(), genuine);
  }

  @Test
  void aTokenResignedWithAnotherSecretIsUnauthorized() throws Exception {
    String genuine = mintToken(tenant, defaultFlowId);
    JWTClaimsSet claims = Jwts.claims(genuine);
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(ItServer.KID).build(), claims);
    forged.sign(new MACSigner("an-attackers-secret-that-is-long-enough-32b".getBytes(StandardCharsets.US_ASCII)));
    assertRejectedAndUnused(forged.serialize(), genuine);
  }

  @Test
  void aTokenWithAnUnknownKidIsUnauthorizedEvenWithTheRightSecret() throws Exception {
    String genuine = mintToken(tenant, defaultFlowId);
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID("other-key").build(),
            Jwts.claims(genuine));
    forged.sign(new MACSigner(ItServer.SECRET));
    assertRejectedAndUnused(forged.serialize(), genuine);
  }

  @Test
  void aTamperedPayloadIsUnauthorized() {
    String genuine = mintToken(tenant, defaultFlowId, "account_id", "honest-user");
    String[] parts = genuine.split("\\.");
    String payload = Base64URL.from(parts[1]).decodeToString().replace("honest-user", "attacker-01");
    String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
    assertRejectedAndUnused(tampered, genuine);
  }

  @Test
  void garbageKeysAreUnauthorized() {
    assertUnauthorized(api.postEmpty("/v1/processes", "not-a-token"));
    assertUnauthorized(api.postEmpty("/v1/processes", "a.b.c"));
    assertUnauthorized(api.get("/v1/flows", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA"));
  }

  @Test
  void aBackendKeyCannotStartAProcess() {
    assertError(
        api.postEmpty("/v1/processes", tenant.apiKey()),
        403, 10403, "Forbidden: this endpoint needs a web integration token");
  }

  @Test
  void aWebTokenCannotUseBackendEndpoints() {
    String token = mintToken(tenant, defaultFlowId);
    String message = "Forbidden: this endpoint needs a backend API key, not a web integration token";
    assertError(api.get("/v1/flows", token), 403, 10403, message);
    assertError(api.get("/v1/processes", token), 403, 10403, message);
    assertError(api.get("/v1/api-keys", token), 403, 10403, message);
    assertError(api.postJson("/v1/flows", token, FULL_FLOW), 403, 10403, message);
    assertError(api.postForm("/v1/api-keys", token, webTokenForm(defaultFlowId)), 403, 10403, message);
    assertError(api.delete("/v1/api-keys/" + Jwts.claims(token).getJWTID(), token), 403, 10403, message);
    // Nothing happened to the token: it still opens its process.
    assertEquals(200, api.postEmpty("/v1/processes", token).status());
  }

  /** A forged token: exact 401 on the API and a 401 hosted page; the genuine token stays unused. */
  private void assertRejectedAndUnused(String forged, String genuine) {
    Resp r = api.postEmpty("/v1/processes", forged);
    assertUnauthorized(r);
    Resp page = api.get("/?token=" + encode(forged), null);
    assertEquals(401, page.status(), page::toString);
    assertFalse(page.body().contains("process-id"), page::toString);
    String jti = Jwts.claims(genuine).getJWTID();
    Resp keys = api.get("/v1/api-keys", tenant.apiKey());
    for (var v : keys.array("api_keys")) {
      JsonObject entry = v.asJsonObject();
      if (entry.getString("api_key_id").equals(jti)) {
        assertAbsent(entry, "process_id");
        return;
      }
    }
    throw new AssertionError("token " + jti + " not listed: " + keys);
  }
}
