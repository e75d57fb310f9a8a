package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.idforge.identity.web.it.ApiClient.Resp;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JWT attack list against the running service, with tokens signed by the server's own secret
 * where the attack needs a valid MAC (as after a key leak) and the genuine token's {@code jti}, so
 * a token that got through would open a real process. Completes {@link WebTokenJwtIT} (alg none,
 * another secret, unknown kid, tampered payload) and ProcessLifecycleIT (revoked tokens).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAttacksIT extends ItSupport {

  private Tenant tenant;
  private String flowId;

  @BeforeAll
  void setUp() {
    tenant = newTenant("JwtAttacks");
    flowId = createFlow(tenant, FULL_FLOW);
  }

  @Test
  void algorithmConfusionIsUnauthorized() throws Exception {
    String genuine = mintToken(tenant, flowId);
    String kid = ItServer.KID;
    // HS512 with the right secret (Nimbus itself would refuse a 352-bit key for HS512).
    assertRejected(macWithHeader("{\"alg\":\"HS512\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", genuine, "HmacSHA512"), 401);
    // RS256 in the header over an HMAC made with the shared secret (the classic confusion).
    assertRejected(macWithHeader("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", genuine, "HmacSHA256"), 401);
    assertRejected(macWithHeader("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}", genuine, "HmacSHA256"), 401);
    // Other typ, critical headers.
    assertRejected(macWithHeader("{\"alg\":\"HS256\",\"typ\":\"JOSE+JSON\",\"kid\":\"" + kid + "\"}", genuine, "HmacSHA256"), 401);
    assertRejected(macWithHeader("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\",\"crit\":[\"exp\"],\"exp\":1}", genuine, "HmacSHA256"), 401);
    // The control: the same construction with the genuine header is accepted, so the refusals
    // above are about the header, not the hand-made MAC.
    assertEquals(200, api.postEmpty("/v1/processes",
        macWithHeader("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", mintToken(tenant, flowId), "HmacSHA256")).status());
    assertUnused(genuine);
  }

  @Test
  void aTamperedSignatureIsUnauthorized() {
    String genuine = mintToken(tenant, flowId);
    String[] parts = genuine.split("\\.");
    byte[] mac = Base64URL.from(parts[2]).decode();
    mac[0] ^= 1;
    assertRejected(parts[0] + "." + parts[1] + "." + Base64URL.encode(mac), 401);
    assertRejected(parts[0] + "." + parts[1] + ".", 401);
    assertRejected(parts[0] + "." + parts[1], 401);
    assertUnused(genuine);
  }

  @Test
  void tokensThatAreNotValidYetAreUnauthorized() throws Exception {
    String genuine = mintToken(tenant, flowId);
    Instant now = Instant.now();
    assertRejected(resign(genuine, c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))), 401);
    assertRejected(resign(genuine, c -> c.issueTime(Date.from(now.plusSeconds(600)))), 401);
    assertRejected(resign(genuine, c -> c.issueTime(Date.from(now.plusSeconds(365L * 24 * 3600)))), 401);
    assertUnused(genuine);
    // Within the 60 s leeway (clocks of two instances disagree a little) the token is fine.
    String skewed = mintToken(tenant, flowId);
    assertEquals(200, api.postEmpty("/v1/processes", resign(skewed, c -> c.issueTime(Date.from(now.plusSeconds(20))))).status());
  }

  @Test
  void anExpiredTokenIsForbidden() throws Exception {
    String genuine = mintToken(tenant, flowId);
    Instant now = Instant.now();
    String expired = resign(genuine, c -> c.issueTime(Date.from(now.minusSeconds(7300))).expirationTime(Date.from(now.minusSeconds(100))));
    assertError(api.postEmpty("/v1/processes", expired), 403, 10403, "Forbidden: the api key has expired");
    assertEquals(403, api.get("/?token=" + encode(expired), null).status());
    assertUnused(genuine);
  }

  @Test
  void tokensMissingARequiredClaimAreUnauthorized() throws Exception {
    String genuine = mintToken(tenant, flowId);
    for (String claim : Set.of("jti", "exp", "iat", "iss")) {
      assertRejected(resign(genuine, c -> c.claim(claim, null)), 401);
    }
    assertUnused(genuine);
  }

  @Test
  void theWrongKeyTypeOrGrantIsRefused() throws Exception {
    String genuine = mintToken(tenant, flowId);
    // A backend-key JWT is only ever accepted by its digest; re-signed claims are not a key.
    assertRejected(resign(genuine, c -> c.claim("key_type", "backend")), 401);
    assertRejected(resign(genuine, c -> c.claim("key_type", "generator")), 401);
    assertRejected(resign(genuine, c -> c.claim("key_type", null)), 401);
    String otherGrant = resign(genuine, c -> c.claim("grant", "signals"));
    assertError(api.postEmpty("/v1/processes", otherGrant), 403, 10403, "Forbidden: the api key does not grant digital-identity");
    // A well-signed token the service never issued (unknown jti) is no key either.
    assertRejected(resign(genuine, c -> c.jwtID("00000000-0000-4000-8000-000000000000")), 401);
    assertUnused(genuine);
  }

  /** A forged token: the bare 401 (or the given status) on the API and a page of that status. */
  private void assertRejected(String forged, int status) {
    Resp r = api.postEmpty("/v1/processes", forged);
    if (status == 401) {
      assertUnauthorized(r);
    } else {
      assertEquals(status, r.status(), r::toString);
    }
    assertEquals(status, api.get("/?token=" + encode(forged), null).status());
  }

  /** The genuine token behind the forgeries never started a process. */
  private void assertUnused(String genuine) {
    String jti = Jwts.claims(genuine).getJWTID();
    for (var v : api.get("/v1/api-keys", tenant.apiKey()).array("api_keys")) {
      JsonObject entry = v.asJsonObject();
      if (entry.getString("api_key_id").equals(jti)) {
        assertAbsent(entry, "process_id");
        return;
      }
    }
    throw new AssertionError("token " + jti + " is not listed");
  }

  /** The genuine token's claims, changed, signed with the server's own key (a leaked key). */
  private static String resign(String genuine, UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
    JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder(Jwts.claims(genuine))).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(ItServer.KID).build(), claims);
    jwt.sign(new MACSigner(ItServer.SECRET));
    return jwt.serialize();
  }

  /** The genuine payload under a header of our choice, with an HMAC by the server's own secret. */
  private static String macWithHeader(String headerJson, String genuine, String algorithm)
      throws NoSuchAlgorithmException, InvalidKeyException {
    String signingInput = Base64URL.encode(headerJson) + "." + genuine.split("\\.")[1];
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(ItServer.SECRET, algorithm));
    return signingInput + "." + Base64URL.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
  }
}
