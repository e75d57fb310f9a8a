package io.idforge.identity.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.idforge.identity.core.TestData;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtCodecTest {

  static final byte[] SECRET_A = "0123456789abcdef0123456789abcdef".getBytes();
  static final byte[] SECRET_B = "fedcba9876543210fedcba9876543210".getBytes();
  static final String ISS = "https://identity.test";

  static JwtCodec codec(SigningKeyRing ring, Clock clock) {
    return new JwtCodec(() -> ring, ISS, clock);
  }

  static JWTClaimsSet claims(Duration ttl) {
    return new JWTClaimsSet.Builder()
        .jwtID("6f1f0b7e-0000-4000-8000-000000000001")
        .issueTime(Date.from(TestData.NOW))
        .expirationTime(Date.from(TestData.NOW.plus(ttl)))
        .claim("key_type", "web")
        .claim("additional_data", "{\"country\":\"ALL\"}")
        .build();
  }

  @Test
  void signsHs256WithTypAndKidAndVerifiesItsOwnTokens() throws Exception {
    JwtCodec codec = codec(new SigningKeyRing("a", Map.of("a", SECRET_A)), TestData.CLOCK);
    String token = codec.sign(claims(Duration.ofHours(2)));
    SignedJWT parsed = SignedJWT.parse(token);
    assertEquals(JWSAlgorithm.HS256, parsed.getHeader().getAlgorithm());
    assertEquals(JOSEObjectType.JWT, parsed.getHeader().getType());
    assertEquals("a", parsed.getHeader().getKeyID());
    JWTClaimsSet verified = codec.verify(token);
    assertEquals(ISS, verified.getIssuer());
    // additional_data stays a JSON string, byte for byte.
    assertEquals("{\"country\":\"ALL\"}", verified.getStringClaim("additional_data"));
  }

  @Test
  void expiryIsCheckedAgainstTheInjectedClock() {
    JwtCodec signer = codec(new SigningKeyRing("a", Map.of("a", SECRET_A)), TestData.CLOCK);
    String token = signer.sign(claims(Duration.ofHours(2)));
    JwtCodec justBefore =
        codec(new SigningKeyRing("a", Map.of("a", SECRET_A)),
            Clock.fixed(TestData.NOW.plus(Duration.ofHours(2)).minusSeconds(1), ZoneOffset.UTC));
    assertEquals("6f1f0b7e-0000-4000-8000-000000000001", justBefore.verify(token).getJWTID());
    JwtCodec atExpiry =
        codec(new SigningKeyRing("a", Map.of("a", SECRET_A)),
            Clock.fixed(TestData.NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));
    assertThrows(ForbiddenException.class, () -> atExpiry.verify(token));
  }

  @Test
  void aTokenIssuedInTheFutureBeyondTheLeewayIsNotValidYet() {
    JwtCodec codec = codec(new SigningKeyRing("a", Map.of("a", SECRET_A)), TestData.CLOCK);
    String withinLeeway = codec.sign(claimsIssuedAt(TestData.NOW.plusSeconds(60), null));
    assertEquals("6f1f0b7e-0000-4000-8000-000000000001", codec.verify(withinLeeway).getJWTID());
    String beyondLeeway = codec.sign(claimsIssuedAt(TestData.NOW.plusSeconds(61), null));
    assertThrows(UnauthorizedException.class, () -> codec.verify(beyondLeeway));
    // Far in the future, e.g. minted with a leaked key to outlive its rotation.
    String farFuture = codec.sign(claimsIssuedAt(TestData.NOW.plus(Duration.ofDays(365)), null));
    assertThrows(UnauthorizedException.class, () -> codec.verify(farFuture));
  }

  @Test
  void aTokenWhoseNotBeforeLiesAheadIsNotValidYet() {
    JwtCodec codec = codec(new SigningKeyRing("a", Map.of("a", SECRET_A)), TestData.CLOCK);
    String past = codec.sign(claimsIssuedAt(TestData.NOW, TestData.NOW.minusSeconds(5)));
    assertEquals("6f1f0b7e-0000-4000-8000-000000000001", codec.verify(past).getJWTID());
    String withinLeeway = codec.sign(claimsIssuedAt(TestData.NOW, TestData.NOW.plusSeconds(60)));
    assertEquals("6f1f0b7e-0000-4000-8000-000000000001", codec.verify(withinLeeway).getJWTID());
    String ahead = codec.sign(claimsIssuedAt(TestData.NOW, TestData.NOW.plusSeconds(61)));
    assertThrows(UnauthorizedException.class, () -> codec.verify(ahead));
  }

  @Test
  void theLeewayIsConfigurable() {
    SigningKeyRing ring = new SigningKeyRing("a", Map.of("a", SECRET_A));
    String tenSecondsAhead = codec(ring, TestData.CLOCK).sign(claimsIssuedAt(TestData.NOW.plusSeconds(10), null));
    JwtCodec strict = new JwtCodec(() -> ring, ISS, TestData.CLOCK, Duration.ZERO);
    assertThrows(UnauthorizedException.class, () -> strict.verify(tenSecondsAhead));
    JwtCodec lenient = new JwtCodec(() -> ring, ISS, TestData.CLOCK, Duration.ofSeconds(10));
    assertEquals("6f1f0b7e-0000-4000-8000-000000000001", lenient.verify(tenSecondsAhead).getJWTID());
    assertThrows(IllegalArgumentException.class, () -> new JwtCodec(() -> ring, ISS, TestData.CLOCK, Duration.ofSeconds(-1)));
  }

  @Test
  void unsignedTokensAreRejected() {
    String none = new PlainJWT(new PlainHeader(), claimsWithIssuer()).serialize();
    JwtCodec codec = codec(new SigningKeyRing("a", Map.of("a", SECRET_A)), TestData.CLOCK);
    assertThrows(UnauthorizedException.class, () -> codec.verify(none));
  }

  @Test
  void aTokenSignedWithAnotherSecretUnderOurKidIsRejected() throws Exception {
    SignedJWT forged =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("a").build(), claimsWithIssuer());
    forged.sign(new MACSigner(SECRET_B));
    JwtCodec codec = codec(new SigningKeyRing("a", Map.of("a", SECRET_A)), TestData.CLOCK);
    assertThrows(UnauthorizedException.class, () -> codec.verify(forged.serialize()));
  }

  @Test
  void otherHmacAlgorithmsAreRejectedEvenWithTheRightSecret() throws Exception {
    byte[] longSecret = new byte[64];
    SignedJWT hs512 =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS512).keyID("a").build(), claimsWithIssuer());
    hs512.sign(new MACSigner(longSecret));
    JwtCodec codec = codec(new SigningKeyRing("a", Map.of("a", longSecret)), TestData.CLOCK);
    assertThrows(UnauthorizedException.class, () -> codec.verify(hs512.serialize()));
  }

  @Test
  void tamperedPayloadsUnknownKidsForeignIssuersAndGarbageAreRejected() {
    JwtCodec codec = codec(new SigningKeyRing("a", Map.of("a", SECRET_A)), TestData.CLOCK);
    String token = codec.sign(claims(Duration.ofHours(2)));
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("web", "backend");
    String tampered =
        parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    assertThrows(UnauthorizedException.class, () -> codec.verify(tampered));

    JwtCodec otherKid = codec(new SigningKeyRing("b", Map.of("b", SECRET_A)), TestData.CLOCK);
    assertThrows(UnauthorizedException.class, () -> otherKid.verify(token));

    JwtCodec otherIssuer = new JwtCodec(() -> new SigningKeyRing("a", Map.of("a", SECRET_A)), "https://elsewhere", TestData.CLOCK);
    assertThrows(UnauthorizedException.class, () -> otherIssuer.verify(token));

    assertThrows(UnauthorizedException.class, () -> codec.verify("not-a-jwt"));
    assertThrows(UnauthorizedException.class, () -> codec.verify(""));
  }

  @Test
  void rotationKeepsOldTokensValidWhileNewOnesUseTheNewKid() throws Exception {
    String old = codec(new SigningKeyRing("a", Map.of("a", SECRET_A)), TestData.CLOCK).sign(claims(Duration.ofHours(2)));
    SigningKeyRing rotated = SigningKeyRing.parse(
        "b=" + Base64.getEncoder().encodeToString(SECRET_B) + ",a=" + Base64.getEncoder().encodeToString(SECRET_A), null);
    JwtCodec codec = codec(rotated, TestData.CLOCK);
    assertEquals("6f1f0b7e-0000-4000-8000-000000000001", codec.verify(old).getJWTID());
    assertEquals("b", SignedJWT.parse(codec.sign(claims(Duration.ofHours(2)))).getHeader().getKeyID());
  }

  @Test
  void keysShorterThan256BitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SigningKeyRing("a", Map.of("a", new byte[31])));
    assertThrows(IllegalArgumentException.class, () -> SigningKeyRing.parse("no-equals-sign", null));
  }

  private static JWTClaimsSet claimsIssuedAt(Instant iat, Instant nbf) {
    JWTClaimsSet.Builder b =
        new JWTClaimsSet.Builder(claims(Duration.ofHours(2)))
            .issueTime(Date.from(iat))
            .expirationTime(Date.from(iat.plus(Duration.ofHours(2))));
    if (nbf != null) {
      b.notBeforeTime(Date.from(nbf));
    }
    return b.build();
  }

  private static JWTClaimsSet claimsWithIssuer() {
    return new JWTClaimsSet.Builder(claims(Duration.ofHours(2))).issuer(ISS).build();
  }
}
