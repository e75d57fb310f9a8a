package io.idforge.identity.web.admin.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * Verifies an id_token as OpenID Connect Core 3.1.3.7 asks: signed with one of the provider's
 * published keys by an asymmetric algorithm (never {@code none} or a MAC, which a client secret
 * could forge), {@code iss} exactly the configured issuer, {@code aud} containing our client id
 * (and {@code azp} ours when there are several audiences), {@code exp} in the future and
 * {@code iat} present (60 s clock skew, Nimbus's default), and {@code nonce} this attempt's.
 */
final class IdTokenVerifier {

  static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256,
          JWSAlgorithm.ES256, JWSAlgorithm.ES384);

  private final String issuer;
  private final String clientId;

  IdTokenVerifier(String issuer, String clientId) {
    this.issuer = issuer;
    this.clientId = clientId;
  }

  /** The token's claims, or {@link OidcRefusal} naming the check that failed. */
  JWTClaimsSet verify(String idToken, JWKSet keys, String nonce) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(keys)));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
        new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build(),
        Set.of("sub", "iat", "exp")));
    JWTClaimsSet claims;
    try {
      claims = processor.process(idToken, null);
    } catch (ParseException e) {
      throw new OidcRefusal("id_token is not a signed JWT");
    } catch (BadJOSEException | JOSEException e) {
      // Nimbus's message names the failed check (signature, expired, iss, aud); no token text. The
      // nonce's message would quote this attempt's nonce: name the check only.
      String why = String.valueOf(e.getMessage());
      throw new OidcRefusal("id_token refused: " + (why.contains("nonce") ? "nonce does not match this sign-in" : why));
    }
    List<String> audience = claims.getAudience();
    if (audience.size() > 1) {
      Object azp = claims.getClaim("azp");
      if (!clientId.equals(azp)) {
        throw new OidcRefusal("id_token refused: several audiences and azp is not this client");
      }
    }
    return claims;
  }
}
