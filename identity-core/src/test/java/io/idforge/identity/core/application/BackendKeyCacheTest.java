package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.fixtures.MovableClock;
import io.idforge.identity.core.security.Digests;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendKeyCacheTest {

  final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
  final BackendKeyCache cache = new BackendKeyCache(clock, Duration.ofSeconds(5));
  final Caller acme = Caller.backend("TCI-acme", "main");

  @Test
  void aKeyLookedUpAMomentAgoIsAnsweredFromMemoryUntilTheCacheTimeEnds() {
    cache.put("digest-a", "key-a", acme);
    clock.advance(Duration.ofMillis(4_999));
    assertEquals(Optional.of(acme), cache.find("digest-a"));
    clock.advance(Duration.ofMillis(1));
    assertEquals(Optional.empty(), cache.find("digest-a"));
  }

  @Test
  void eachDigestGivesBackItsOwnTenant() {
    Caller other = Caller.backend("TCI-other", "main");
    cache.put("digest-a", "key-a", acme);
    cache.put("digest-b", "key-b", other);
    assertEquals(Optional.of(acme), cache.find("digest-a"));
    assertEquals(Optional.of(other), cache.find("digest-b"));
    assertEquals(Optional.empty(), cache.find("digest-c"));
  }

  @Test
  void aRevokedKeyIsDroppedAtOnceAndNotCachedAgainByALookupThatReadTheRowBefore() {
    cache.put("digest-a", "key-a", acme);
    cache.revoked("key-a");
    assertEquals(Optional.empty(), cache.find("digest-a"));
    // A lookup that started before the revocation committed comes back with the row still active.
    cache.put("digest-a", "key-a", acme);
    assertEquals(Optional.empty(), cache.find("digest-a"));
  }

  @Test
  void revokingOneKeyLeavesTheOthers() {
    cache.put("digest-a", "key-a", acme);
    cache.put("digest-b", "key-b", acme);
    cache.revoked("key-a");
    assertEquals(Optional.of(acme), cache.find("digest-b"));
  }

  @Test
  void aZeroCacheTimeTurnsTheCacheOff() {
    BackendKeyCache off = new BackendKeyCache(clock, Duration.ZERO);
    off.put("digest-a", "key-a", acme);
    assertTrue(off.find("digest-a").isEmpty());
  }

  @Test
  void aFloodOfKeysEmptiesTheCacheInsteadOfGrowingIt() {
    for (int i = 0; i <= BackendKeyCache.MAX_ENTRIES; i++) {
      cache.put("digest-" + i, "key-" + i, acme);
    }
    assertTrue(cache.find("digest-0").isEmpty());
    assertEquals(Optional.of(acme), cache.find("digest-" + BackendKeyCache.MAX_ENTRIES));
  }

  @Test
  void worksWithTheApplicationsMicrosecondTickClock() {
    // ClockProducer's clock: its millis() divides by zero on JDK 17.
    BackendKeyCache real = new BackendKeyCache(new ClockProducer().clock(), Duration.ofSeconds(5));
    real.put("digest-a", "key-a", acme);
    assertEquals(Optional.of(acme), real.find("digest-a"));
  }

  @Test
  void aPresentedBackendKeyIsFoundByTheDigestItIsStoredUnderAndAWebTokenOrBlankNever() {
    String presented = "eyJhbGciOiJIUzI1NiJ9.backend.key";
    cache.put(BackendKeyCache.digestOf(presented), "key-a", acme);
    assertEquals(Optional.of(acme), cache.findPresented(presented));
    assertEquals(Optional.of(acme), cache.findPresented(" " + presented + " "));
    // The digest the row is stored under (ApiKeyService stores Digests.sha256Hex of the issued token).
    assertEquals(Digests.sha256Hex(presented), BackendKeyCache.digestOf(presented + " "));
    assertEquals(Optional.empty(), cache.findPresented("eyJhbGciOiJIUzI1NiJ9.web.token"));
    assertEquals(Optional.empty(), cache.findPresented(" "));
    assertEquals(Optional.empty(), cache.findPresented(null));
    cache.revoked("key-a");
    assertEquals(Optional.empty(), cache.findPresented(presented));
  }
}
