package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.idforge.identity.core.domain.backendkey.BackendKey;
import io.idforge.identity.core.domain.backendkey.BackendKeyRepository;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import io.idforge.identity.core.fixtures.MovableClock;
import io.idforge.identity.core.fixtures.WriteOnlyWebTokens;
import io.idforge.identity.core.security.JwtCodec;
import io.idforge.identity.core.security.SigningKeyRing;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generator and sdk keys (Truora's validations SDK) in {@link ApiKeyService}, on an in-memory key
 * store, the real {@link JwtCodec} and a clock the test moves.
 */
class SdkKeysTest {

  static final Instant START = Instant.parse("2027-03-01T12:00:00Z");

  private final MovableClock clock = new MovableClock(START);
  private final InMemoryKeys keys = new InMemoryKeys();
  private final ApiKeyService service = new ApiKeyService();
  private Caller backend;

  @BeforeEach
  void setUp() {
    SigningKeyRing ring = new SigningKeyRing("k1", Map.of("k1", "0123456789abcdef0123456789abcdef".getBytes()));
    service.backendKeys = keys;
    service.jwt = new JwtCodec(() -> ring, "https://identity.test", clock);
    service.clock = clock;
    service.webTokens = new WriteOnlyWebTokens(); // every key of these tests is stored by digest
    // The backend-key cache off: revocations here must show at once, as the store says.
    service.backendKeyCache = new BackendKeyCache(clock, java.time.Duration.ZERO);
    IssuedKey backendKey = service.issueBackendKey("TCI1", "backend-1", null);
    backend = service.authenticate(backendKey.token());
  }

  @Test
  void aGeneratorKeyIsExchangedForAnSdkKeyThatLivesOneHour() throws Exception {
    IssuedKey generator = service.issueGeneratorKey(backend, "ios-app");
    Caller generatorCaller = service.authenticate(generator.token());
    assertEquals(Caller.Kind.GENERATOR, generatorCaller.kind());
    assertEquals("TCI1", generatorCaller.clientId());
    assertEquals(generator.keyId(), generatorCaller.jti());

    IssuedKey sdk = service.issueSdkKey(generatorCaller, null);
    Caller sdkCaller = service.authenticate(sdk.token());
    assertEquals(Caller.Kind.SDK, sdkCaller.kind());
    assertEquals("TCI1", sdkCaller.clientId());
    var claims = SignedJWT.parse(sdk.token()).getJWTClaimsSet();
    assertEquals("sdk", claims.getStringClaim("key_type"));
    assertEquals("validations", claims.getStringClaim("grant"));
    assertEquals("sdk_usage", claims.getStringClaim("key_name"));
    assertEquals(Duration.ofHours(1), Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
    assertEquals(generator.keyId(), keys.byId(sdk.keyId()).issuedBy());

    clock.advance(Duration.ofMinutes(59));
    assertEquals(Caller.Kind.SDK, service.authenticate(sdk.token()).kind());
    clock.advance(Duration.ofMinutes(1));
    ForbiddenException expired = assertThrows(ForbiddenException.class, () -> service.authenticate(sdk.token()));
    assertEquals("Forbidden: the api key has expired", expired.getMessage());
    // The generator itself lives on.
    assertEquals(Caller.Kind.GENERATOR, service.authenticate(generator.token()).kind());
  }

  @Test
  void onlyBackendKeysMakeGeneratorsAndOnlyBackendOrGeneratorKeysMakeSdkKeys() {
    Caller generator = service.authenticate(service.issueGeneratorKey(backend, "g").token());
    Caller sdk = service.authenticate(service.issueSdkKey(generator, null).token());
    assertThrows(ForbiddenException.class, () -> service.issueGeneratorKey(generator, "again"));
    assertThrows(ForbiddenException.class, () -> service.issueGeneratorKey(sdk, "up"));
    assertThrows(ForbiddenException.class, () -> service.issueSdkKey(sdk, "chain"));
    assertThrows(ForbiddenException.class, () -> service.issueSdkKey(Caller.web("TCI1", "w", "jti"), null));
    // A backend key may mint an sdk key directly; it has no generator lineage.
    IssuedKey direct = service.issueSdkKey(backend, "server-side");
    assertEquals(null, keys.byId(direct.keyId()).issuedBy());
  }

  @Test
  void revokingAGeneratorRevokesTheSdkKeysItMinted() {
    IssuedKey generator = service.issueGeneratorKey(backend, "android-app");
    Caller generatorCaller = service.authenticate(generator.token());
    IssuedKey sdk1 = service.issueSdkKey(generatorCaller, null);
    IssuedKey sdk2 = service.issueSdkKey(generatorCaller, null);
    IssuedKey unrelated = service.issueSdkKey(backend, null);

    service.revoke(backend, generator.keyId());

    assertThrows(UnauthorizedException.class, () -> service.authenticate(generator.token()));
    assertThrows(UnauthorizedException.class, () -> service.authenticate(sdk1.token()));
    assertThrows(UnauthorizedException.class, () -> service.authenticate(sdk2.token()));
    assertEquals(Caller.Kind.SDK, service.authenticate(unrelated.token()).kind());
  }

  @Test
  void aStoredKeyMustCarryItsOwnClaims() {
    IssuedKey generator = service.issueGeneratorKey(backend, "g");
    // The row says generator; a row whose JWT says otherwise (a swapped digest) is not a key.
    BackendKey row = keys.byId(generator.keyId());
    keys.rows.remove(row);
    keys.store(new BackendKey(row.keyId(), "TCI-other", row.keyName(), digest(generator.token()), OffsetDateTime.now(clock),
        BackendKey.GENERATOR, null, row.expiresAt()));
    assertThrows(UnauthorizedException.class, () -> service.authenticate(generator.token()));
  }

  @Test
  void anAlteredSdkKeyIsUnauthorized() {
    IssuedKey sdk = service.issueSdkKey(backend, null);
    String token = sdk.token();
    char last = token.charAt(token.length() - 1);
    String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertNotEquals(token, altered);
    assertThrows(UnauthorizedException.class, () -> service.authenticate(altered));
  }

  @Test
  void sdkKeysMayCallOnlyTheStandaloneValidationsApi() {
    Caller sdk = Caller.sdk("TCI1", "sdk_usage", "id");
    assertEquals(sdk, sdk.requireBackendOrSdk());
    assertThrows(ForbiddenException.class, sdk::requireBackend);
    assertThrows(ForbiddenException.class, sdk::requireWeb);
    assertThrows(ForbiddenException.class, Caller.generator("TCI1", "g", "id")::requireBackendOrSdk);
    assertThrows(ForbiddenException.class, Caller.web("TCI1", "w", "jti")::requireBackendOrSdk);
  }

  @Test
  void aWebTokenIsNotLookedUpByDigestAndAForgedOneIsStillRefused() {
    int before = keys.digestLookups;
    // A genuine-looking web token whose jti is unknown here: refused, without a backend_key query.
    String web = service.jwt.sign(new JWTClaimsSet.Builder()
        .claim("key_type", "web").claim("grant", "digital-identity").claim("client_id", "TCI1")
        .jwtID("jti-1").issueTime(Date.from(START))
        .expirationTime(Date.from(START.plusSeconds(3600))).build());
    assertThrows(UnauthorizedException.class, () -> service.authenticate(web));
    assertEquals(before, keys.digestLookups);
    // A forged one saying key_type=web (another secret) is refused by the signature check.
    SigningKeyRing other = new SigningKeyRing("k1", Map.of("k1", "fedcba9876543210fedcba9876543210".getBytes()));
    String forged = new JwtCodec(() -> other, "https://identity.test", clock).sign(new JWTClaimsSet.Builder()
        .claim("key_type", "web").claim("grant", "digital-identity").jwtID("jti-2")
        .issueTime(Date.from(START)).expirationTime(Date.from(START.plusSeconds(3600))).build());
    assertThrows(UnauthorizedException.class, () -> service.authenticate(forged));
    // Backend, generator and sdk keys still go by digest.
    service.authenticate(service.issueGeneratorKey(backend, "g-digest").token());
    assertEquals(before + 1, keys.digestLookups);
  }

  private static String digest(String token) {
    return io.idforge.identity.core.security.Digests.sha256Hex(token);
  }

  /** The backend_key table: digest lookups of unrevoked rows, lineage queries. */
  static final class InMemoryKeys implements BackendKeyRepository {
    final List<BackendKey> rows = new ArrayList<>();
    /** Digest lookups made (each one a query of the backend_key table in production). */
    int digestLookups;

    BackendKey byId(String keyId) {
      return rows.stream().filter(k -> k.keyId().equals(keyId)).findFirst().orElseThrow();
    }

    @Override
    public Optional<BackendKey> findActiveByDigest(String digest) {
      digestLookups++;
      return rows.stream().filter(k -> k.revokedAt() == null && digest.equals(digestOf(k))).findFirst();
    }

    @Override
    public Optional<BackendKey> find(String clientId, String keyId) {
      return rows.stream().filter(k -> k.clientId().equals(clientId) && k.keyId().equals(keyId)).findFirst();
    }

    @Override
    public List<BackendKey> list(String clientId, String keyType, long beforeId, int limit) {
      return rows.stream().filter(k -> k.clientId().equals(clientId) && k.keyType().equals(keyType)).limit(limit).toList();
    }

    @Override
    public List<BackendKey> listActiveIssuedBy(String clientId, String issuerKeyId, OffsetDateTime now) {
      return rows.stream()
          .filter(k -> k.clientId().equals(clientId) && issuerKeyId.equals(k.issuedBy()) && k.revokedAt() == null && !k.isExpired(now))
          .toList();
    }

    @Override
    public void store(BackendKey key) {
      rows.add(key);
    }

    private final Map<BackendKey, String> digests = new java.util.IdentityHashMap<>();

    private String digestOf(BackendKey k) {
      return digests.computeIfAbsent(k, SdkKeysTest::readDigest);
    }
  }

  /** The entity keeps its digest private (it is never read back); the fake reads the field. */
  private static String readDigest(BackendKey k) {
    try {
      var f = BackendKey.class.getDeclaredField("digest");
      f.setAccessible(true);
      return (String) f.get(k);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
