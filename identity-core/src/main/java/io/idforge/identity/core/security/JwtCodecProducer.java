package io.idforge.identity.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the application's {@link JwtCodec} from configuration. */
@ApplicationScoped
public class JwtCodecProducer {

  @Inject
  @ConfigProperty(name = "identity.jwt.issuer", defaultValue = "https://identity.idforge.local")
  String issuer;

  /** Clock skew tolerated on a token's {@code iat} and {@code nbf} (several instances, NTP drift). */
  @Inject
  @ConfigProperty(name = "identity.jwt.clock-skew", defaultValue = "PT60S")
  Duration clockSkew;

  @Inject SigningKeys signingKeys;

  @Inject Clock clock;

  // A pseudo-scoped singleton: JwtCodec is final and immutable, so it needs no client proxy.
  @Produces
  @Singleton
  JwtCodec jwtCodec() {
    return new JwtCodec(signingKeys, issuer, clock, clockSkew);
  }
}
