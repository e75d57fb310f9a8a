package io.idforge.identity.web.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.application.BackendKeyCache;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import io.idforge.identity.core.fixtures.MovableClock;
import io.idforge.identity.core.security.Digests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyAuthenticationTest {

  static final String BACKEND_KEY = "eyJhbGciOiJIUzI1NiJ9.backend.key";

  final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
  final BackendKeyCache cache = new BackendKeyCache(clock, Duration.ofSeconds(5));
  final Caller acme = Caller.backend("TCI-acme", "main");

  /** The database side: records each call, answers acme's key as the real service would and caches it. */
  final List<String> serviceCalls = new ArrayList<>();
  final ApiKeyService service =
      new ApiKeyService() {
        @Override
        public Caller authenticate(String presented) {
          serviceCalls.add(presented);
          if (!BACKEND_KEY.equals(presented)) {
            throw new UnauthorizedException();
          }
          cache.put(Digests.sha256Hex(presented), "key-a", acme);
          return acme;
        }
      };
  final KeyAuthentication keys = new KeyAuthentication(cache, service);

  @Test
  void aBackendKeyLookedUpAMomentAgoIsAnsweredWithoutTheService() {
    assertEquals(acme, keys.authenticate(BACKEND_KEY));
    assertEquals(acme, keys.authenticate(BACKEND_KEY));
    assertEquals(acme, keys.authenticate(BACKEND_KEY));
    assertEquals(1, serviceCalls.size(), "only the first request may reach the EJB and the database");
  }

  @Test
  void aRevokedKeyGoesBackToTheServiceAtOnce() {
    keys.authenticate(BACKEND_KEY);
    cache.revoked("key-a");
    assertEquals(acme, keys.authenticate(BACKEND_KEY)); // the fake still finds it; the real one answers 401
    assertEquals(2, serviceCalls.size());
  }

  @Test
  void afterTheCacheTimeTheServiceIsAskedAgain() {
    keys.authenticate(BACKEND_KEY);
    clock.advance(Duration.ofSeconds(5));
    keys.authenticate(BACKEND_KEY);
    assertEquals(2, serviceCalls.size());
  }

  @Test
  void unknownKeysAndWebTokensAlwaysReachTheService() {
    keys.authenticate(BACKEND_KEY);
    assertThrows(UnauthorizedException.class, () -> keys.authenticate("eyJ.web.token"));
    assertThrows(UnauthorizedException.class, () -> keys.authenticate("eyJ.web.token"));
    assertThrows(UnauthorizedException.class, () -> keys.authenticate(null));
    assertEquals(Arrays.asList(BACKEND_KEY, "eyJ.web.token", "eyJ.web.token", null), serviceCalls);
  }
}
