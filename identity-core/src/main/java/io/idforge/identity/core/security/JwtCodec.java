package io.idforge.identity.core.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Signs and verifies the service's JWTs (web integration tokens and backend keys) with Nimbus.
 * Verification is strict: the algorithm is pinned to HS256 (so {@code none} and RS/ES confusion
 * fail), {@code typ} must be JWT when present, the {@code kid} must be known, the MAC must match,
 * {@code iss} must be ours and {@code exp}, {@code iat}, {@code jti} must be present. A token
 * whose {@code iat} or {@code nbf} lies in the future by more than the clock-skew leeway is not
 * valid yet: a signing key that leaked could otherwise mint tokens dated to live long after the
 * leak is noticed, and a clock far ahead on another issuer must not be trusted.
 */
public final class JwtCodec {

  private final SigningKeySource keys;
  private final String issuer;
  private final Clock clock;
  private final Duration leeway;

  /** A codec with the default leeway of {@link #DEFAULT_LEEWAY} for {@code iat} and {@code nbf}. */
  public JwtCodec(SigningKeySource keys, String issuer, Clock clock) {
    this(keys, issuer, clock, DEFAULT_LEEWAY);
  }

  /**
   * @param leeway how far in the future {@code iat} and {@code nbf} may lie (clock skew between
   *     instances), zero or more
   */
  public JwtCodec(SigningKeySource keys, String issuer, Clock clock, Duration leeway) {
    if (leeway.isNegative()) {
      throw new IllegalArgumentException("the JWT clock-skew leeway must not be negative");
    }
    this.keys = keys;
    this.issuer = issuer;
    this.clock = clock;
    this.leeway = leeway;
  }

  /** Clock skew tolerated on {@code iat} and {@code nbf} unless configured otherwise. */
  public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(60);

  public String issuer() {
    return issuer;
  }

  /** Signs {@code claims} (which must not carry {@code iss}; it is added here) with the active key. */
  public String sign(JWTClaimsSet claims) {
    SigningKeyRing ring = keys.ring();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(ring.activeKid()).build();
    SignedJWT jwt = new SignedJWT(header, new JWTClaimsSet.Builder(claims).issuer(issuer).build());
    try {
      jwt.sign(new MACSigner(ring.activeSecret()));
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign a JWT", e);
    }
    return jwt.serialize();
  }

  /**
   * Verifies a token and returns its claims.
   *
   * @throws UnauthorizedException when the token is malformed, forged, not ours or not valid yet
   * @throws ForbiddenException when it is genuine but past its {@code exp}
   */
  public JWTClaimsSet verify(String token) {
    SignedJWT jwt = parse(token).orElseThrow(UnauthorizedException::new);
    JWSHeader header = jwt.getHeader();
    if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())
        || (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType()))
        || header.getCriticalParams() != null) {
      throw new UnauthorizedException();
    }
    byte[] secret = keys.secret(header.getKeyID()).orElseThrow(UnauthorizedException::new);
    JWTClaimsSet claims;
    try {
      if (!jwt.verify(new MACVerifier(secret))) {
        throw new UnauthorizedException();
      }
      claims = jwt.getJWTClaimsSet();
    } catch (JOSEException | ParseException e) {
      throw new UnauthorizedException();
    }
    Date exp = claims.getExpirationTime();
    if (!issuer.equals(claims.getIssuer())
        || exp == null
        || claims.getIssueTime() == null
        || claims.getJWTID() == null) {
      throw new UnauthorizedException();
    }
    Instant now = clock.instant();
    Instant latestStart = now.plus(leeway);
    Date nbf = claims.getNotBeforeTime();
    if (claims.getIssueTime().toInstant().isAfter(latestStart)
        || (nbf != null && nbf.toInstant().isAfter(latestStart))) {
      throw new UnauthorizedException();
    }
    if (!now.isBefore(exp.toInstant())) {
      throw new ForbiddenException("Forbidden: the api key has expired");
    }
    return claims;
  }

  /**
   * Whether a token, read without checking anything, says it is a web integration token ({@code
   * key_type=web}). Only to choose where to look a key up (web tokens are never stored by digest):
   * the token is verified by {@link #verify} all the same.
   */
  public static boolean saysWebToken(String token) {
    return parse(token).map(jwt -> {
      try {
        return "web".equals(jwt.getJWTClaimsSet().getClaim("key_type"));
      } catch (ParseException e) {
        return false;
      }
    }).orElse(false);
  }

  private static Optional<SignedJWT> parse(String token) {
    if (token == null || token.isBlank() || token.length() > 8192) {
      return Optional.empty();
    }
    try {
      return Optional.of(SignedJWT.parse(token.trim()));
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
