package io.idforge.identity.core.application;

import com.nimbusds.jwt.JWTClaimsSet;
import io.idforge.identity.core.domain.backendkey.BackendKey;
import io.idforge.identity.core.domain.backendkey.BackendKeyRepository;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.shared.Page;
import io.idforge.identity.core.domain.shared.PageKeys;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import io.idforge.identity.core.domain.webtoken.WebToken;
import io.idforge.identity.core.domain.webtoken.WebTokenRepository;
import io.idforge.identity.core.security.Digests;
import io.idforge.identity.core.security.JwtCodec;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, authenticates, lists and revokes keys: tenants' backend keys and the web integration
 * tokens of {@code POST /v1/api-keys}.
 */
@Stateless
public class ApiKeyService {

  /** Backend keys are JWTs like Truora's with a far-future {@code exp}; revocation is the control. */
  static final Duration BACKEND_KEY_LIFETIME = Duration.ofDays(365L * 50);

  /**
   * sdk keys live in a mobile app or browser: short-lived, so a leaked one is soon worthless; the
   * SDK exchanges its generator key again when one has expired.
   */
  static final Duration SDK_KEY_LIFETIME = Duration.ofHours(1);

  static final String DEFAULT_GENERATOR_KEY_NAME = "sdk-generator";

  /** The {@code key_name} Truora's validations SDK sends. */
  static final String DEFAULT_SDK_KEY_NAME = "sdk_usage";

  /** The grant of generator and sdk keys. */
  static final String VALIDATIONS = "validations";

  @Inject BackendKeyRepository backendKeys;

  @Inject WebTokenRepository webTokens;

  @Inject WebTokenIssuance webTokenIssuance;

  @Inject JwtCodec jwt;

  @Inject BackendKeyCache backendKeyCache;

  @Inject Clock clock;

  /**
   * Resolves the {@code Truora-API-Key} header. A key stored by digest (backend, generator, sdk)
   * is found by its digest (revoked keys are not found); generator and sdk keys are then verified
   * as JWTs like web tokens (algorithm, signature, issuer, expiry) and must match their row.
   * Backend keys come from {@link BackendKeyCache} when looked up a moment ago. Anything else must be a genuine, unexpired, unrevoked web token of ours.
   *
   * @throws UnauthorizedException for a missing, unknown, revoked backend, generator or sdk key,
   *     or a forged one
   * @throws ForbiddenException for an expired or revoked web token, or an expired sdk key
   */
  public Caller authenticate(String presented) {
    if (presented == null || presented.isBlank()) {
      throw new UnauthorizedException();
    }
    if (!JwtCodec.saysWebToken(presented)) {
      // Web tokens (the hosted flow's and custom front ends' calls) skip this lookup: they are
      // stored by jti, never by digest, so it could only miss.
      Optional<Caller> stored = storedKey(presented);
      if (stored.isPresent()) {
        return stored.get();
      }
    }
    JWTClaimsSet claims = jwt.verify(presented);
    String keyType = (String) claims.getClaim("key_type");
    if (!"web".equals(keyType) && !"sdk".equals(keyType)) {
      // A genuine backend or generator key JWT whose digest is gone: it was revoked.
      throw new UnauthorizedException();
    }
    if (VALIDATIONS.equals(claims.getClaim("grant"))) {
      // A genuine sdk key whose digest is gone (revoked, or its generator was).
      throw new UnauthorizedException();
    }
    if (!"digital-identity".equals(claims.getClaim("grant"))) {
      throw new ForbiddenException("Forbidden: the api key does not grant digital-identity");
    }
    WebToken token = webTokens.findByJti(claims.getJWTID()).orElseThrow(UnauthorizedException::new);
    token.requireNotRevoked();
    if (token.isExpired(now())) {
      throw new ForbiddenException("Forbidden: the api key has expired");
    }
    return Caller.web(token.clientId(), token.keyName(), token.jti());
  }

  /**
   * A key stored by digest (backend, generator, sdk): backend keys from {@link BackendKeyCache}
   * when looked up a moment ago; empty when no unrevoked row has this digest.
   */
  private Optional<Caller> storedKey(String presented) {
    String digest = BackendKeyCache.digestOf(presented);
    Optional<Caller> cached = backendKeyCache.find(digest);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<BackendKey> stored = backendKeys.findActiveByDigest(digest);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    BackendKey key = stored.get();
    if (!BackendKey.BACKEND.equals(key.keyType())) {
      return Optional.of(sdkCaller(key, presented)); // generator and sdk keys: not cached, verified as JWTs each time
    }
    Caller caller = Caller.backend(key.clientId(), key.keyName());
    backendKeyCache.put(digest, key.keyId(), caller);
    return Optional.of(caller);
  }

  /**
   * A generator or sdk key found by digest: its JWT is verified as strictly as a web token's
   * (a digest match alone would let a key outlive its {@code exp}) and must be the row's.
   */
  private Caller sdkCaller(BackendKey key, String presented) {
    JWTClaimsSet claims = jwt.verify(presented);
    if (!key.keyType().equals(claims.getClaim("key_type"))
        || !VALIDATIONS.equals(claims.getClaim("grant"))
        || !key.keyId().equals(claims.getJWTID())
        || !key.clientId().equals(claims.getClaim("client_id"))) {
      throw new UnauthorizedException();
    }
    return BackendKey.GENERATOR.equals(key.keyType())
        ? Caller.generator(key.clientId(), key.keyName(), key.keyId())
        : Caller.sdk(key.clientId(), key.keyName(), key.keyId());
  }

  /** Creates a backend key for a tenant; the token is returned once and only its digest kept. */
  public IssuedKey issueBackendKey(String clientId, String keyName, String username) {
    return issueStoredKey(
        clientId, BackendKey.BACKEND, "", keyName, username == null ? keyName : username, null, BACKEND_KEY_LIFETIME);
  }

  /**
   * Creates a generator key (Truora's {@code key_type=generator}) with a backend key: long-lived
   * like a backend key, but it can do one thing, mint sdk keys.
   */
  public IssuedKey issueGeneratorKey(Caller caller, String keyName) {
    caller.requireBackend();
    return issueStoredKey(
        caller.clientId(), BackendKey.GENERATOR, VALIDATIONS, keyName == null ? DEFAULT_GENERATOR_KEY_NAME : keyName,
        caller.keyName(), null, BACKEND_KEY_LIFETIME);
  }

  /**
   * Creates an sdk key ({@code key_type=sdk}, {@code grant=validations}) with a backend key or by
   * exchanging a generator key, as Truora's validations SDK does: valid for {@link
   * #SDK_KEY_LIFETIME}, good for the tenant's standalone validations and enrollments only.
   */
  public IssuedKey issueSdkKey(Caller caller, String keyName) {
    if (caller.kind() != Caller.Kind.BACKEND && caller.kind() != Caller.Kind.GENERATOR) {
      throw new ForbiddenException("Forbidden: sdk keys are created with a backend key or a generator key");
    }
    // A backend key's own id is not known to its Caller; only generator lineage matters for revocation.
    String issuedBy = caller.kind() == Caller.Kind.GENERATOR ? caller.jti() : null;
    return issueStoredKey(
        caller.clientId(), BackendKey.SDK, VALIDATIONS, keyName == null ? DEFAULT_SDK_KEY_NAME : keyName,
        caller.keyName(), issuedBy, SDK_KEY_LIFETIME);
  }

  private IssuedKey issueStoredKey(
      String clientId, String keyType, String grant, String keyName, String username, String issuedBy, Duration lifetime) {
    OffsetDateTime now = now();
    OffsetDateTime expires = now.plus(lifetime);
    String keyId = UUID.randomUUID().toString();
    String token =
        jwt.sign(
            new JWTClaimsSet.Builder()
                .claim("account_id", "")
                .claim("additional_data", "{}")
                .claim("client_id", clientId)
                .expirationTime(Date.from(expires.toInstant()))
                .claim("grant", grant)
                .issueTime(Date.from(now.toInstant()))
                .jwtID(keyId)
                .claim("key_name", keyName)
                .claim("key_type", keyType)
                .claim("username", username)
                .build());
    backendKeys.store(
        new BackendKey(keyId, clientId, keyName, Digests.sha256Hex(token), now, keyType, issuedBy, expires));
    return new IssuedKey(keyId, token);
  }

  /**
   * Mints a web integration token; see {@link WebTokenIssuance#issue}. Kept for callers inside the
   * container (console, in-container tests); the REST resource calls {@link WebTokenIssuance}
   * directly, without this bean's EJB hop.
   */
  public IssuedKey issueWebToken(Caller caller, WebTokenRequest request) {
    return webTokenIssuance.issue(caller, request);
  }

  /** The tenant's web tokens, newest first. */
  public Page<WebToken> listWebTokens(Caller caller, String startKey, int limit) {
    caller.requireBackend();
    List<WebToken> rows = webTokens.list(caller.clientId(), PageKeys.decode(startKey), limit + 1);
    return PageKeys.page(rows, limit, WebToken::id);
  }

  /** The tenant's backend keys, newest first. */
  public Page<BackendKey> listBackendKeys(Caller caller, String startKey, int limit) {
    return listStoredKeys(caller, BackendKey.BACKEND, startKey, limit);
  }

  /** The tenant's keys of one stored type ({@code backend}, {@code generator}, {@code sdk}), newest first. */
  public Page<BackendKey> listStoredKeys(Caller caller, String keyType, String startKey, int limit) {
    caller.requireBackend();
    List<BackendKey> rows = backendKeys.list(caller.clientId(), keyType, PageKeys.decode(startKey), limit + 1);
    return PageKeys.page(rows, limit, BackendKey::id);
  }

  /**
   * Revokes a web token (by {@code jti}) or a backend, generator or sdk key (by key id) of the
   * caller's tenant. Revoking a generator key also revokes the sdk keys it minted that are still
   * valid: a leaked generator's sdk keys must not outlive it.
   *
   * @throws NotFoundException for unknown ids and other tenants' ids alike
   * @throws ConflictException when it is already revoked
   */
  public void revoke(Caller caller, String apiKeyId) {
    caller.requireBackend();
    OffsetDateTime now = now();
    // Locked: the first open of the link holds this row lock while it binds the new process, so
    // the revoke waits for it and then wins (the open re-checks revocation under the same lock).
    // An unlocked read here lost the version check to that open: a 409 and a token left usable.
    var web = webTokens.findForUpdate(caller.clientId(), apiKeyId);
    if (web.isPresent()) {
      if (!web.get().revoke(now)) {
        throw new ConflictException("This api key has already been revoked");
      }
      return;
    }
    BackendKey key =
        backendKeys
            .find(caller.clientId(), apiKeyId)
            .orElseThrow(() -> new NotFoundException("Resource not found"));
    // Before the commit: a lookup that read the row still active must not cache it afterwards.
    backendKeyCache.revoked(key.keyId());
    if (!key.revoke(now)) {
      throw new ConflictException("This api key has already been revoked");
    }
    if (BackendKey.GENERATOR.equals(key.keyType())) {
      backendKeys.listActiveIssuedBy(caller.clientId(), key.keyId(), now).forEach(k -> k.revoke(now));
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

}
