package io.idforge.identity.web.admin.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check of {@link IdTokenVerifier} on its own: one valid token, then one broken claim or key at a time. */
class IdTokenVerifierTest {

  static final String ISSUER = "https://idp.example";
  static final String CLIENT = "console";
  static final String NONCE = "n-123";
  static RSAKey key;
  static JWKSet published;
  final IdTokenVerifier verifier = new IdTokenVerifier(ISSUER, CLIENT);

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    published = new JWKSet(key.toPublicJWK());
  }

  static JWTClaimsSet.Builder valid() {
    long now = System.currentTimeMillis();
    return new JWTClaimsSet.Builder().issuer(ISSUER).subject("s1").audience(CLIENT).issueTime(new Date(now))
        .expirationTime(new Date(now + 300_000)).claim("nonce", NONCE).claim("email", "ana@acme.example");
  }

  static String sign(JWTClaimsSet.Builder claims, RSAKey with) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims.build());
    jwt.sign(new RSASSASigner(with));
    return jwt.serialize();
  }

  void refused(String token) {
    assertThrows(OidcRefusal.class, () -> verifier.verify(token, published, NONCE));
  }

  @Test
  void aValidTokenPasses() throws Exception {
    assertEquals("ana@acme.example", verifier.verify(sign(valid(), key), published, NONCE).getStringClaim("email"));
  }

  @Test
  void wrongNonceAudienceIssuerOrExpiryAreRefused() throws Exception {
    refused(sign(valid().claim("nonce", "other"), key));
    refused(sign(valid().claim("nonce", null), key));
    refused(sign(valid().audience("another"), key));
    refused(sign(valid().issuer("https://evil.example"), key));
    refused(sign(valid().expirationTime(new Date(System.currentTimeMillis() - 120_000)), key));
    refused(sign(valid().issueTime(null), key));
  }

  @Test
  void severalAudiencesNeedOurAzp() throws Exception {
    refused(sign(valid().audience(List.of(CLIENT, "another")), key));
    assertTrue(verifier.verify(sign(valid().audience(List.of(CLIENT, "another")).claim("azp", CLIENT), key), published, NONCE)
        .getAudience().contains(CLIENT));
  }

  @Test
  void anotherKeyNoneAndMacAreRefused() throws Exception {
    refused(sign(valid(), new RSAKeyGenerator(2048).keyID("k1").generate()));
    refused(new PlainJWT(new PlainHeader(), valid().build()).serialize());
    SignedJWT mac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), valid().build());
    mac.sign(new MACSigner("a shared secret of at least thirty-two bytes!".getBytes()));
    refused(mac.serialize());
    refused("not.a.jwt");
  }
}
