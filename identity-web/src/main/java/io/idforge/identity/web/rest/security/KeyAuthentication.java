package io.idforge.identity.web.rest.security;

import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.application.BackendKeyCache;
import io.idforge.identity.core.application.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves a {@code Truora-API-Key} header to its caller. A backend key looked up a moment ago is
 * answered from {@link BackendKeyCache} right here; only a miss (first use, web tokens, generator
 * and sdk keys, anything unknown) goes to the {@code @Stateless} {@link ApiKeyService}. The hit
 * used to go through that EJB as well, which cost an EJB invocation and a JTA transaction on every
 * {@code /v1} request (bench/STEPS.md). Revocation is unchanged: {@code ApiKeyService.revoke} drops
 * the key from the same cache before its commit, and other nodes forget it within the cache time.
 */
@ApplicationScoped
public class KeyAuthentication {

  private BackendKeyCache backendKeys;

  private ApiKeyService apiKeys;

  /** For CDI. */
  protected KeyAuthentication() {}

  @Inject
  public KeyAuthentication(BackendKeyCache backendKeys, ApiKeyService apiKeys) {
    this.backendKeys = backendKeys;
    this.apiKeys = apiKeys;
  }

  /**
   * The caller of the presented key.
   *
   * @throws io.idforge.identity.core.domain.shared.UnauthorizedException as {@link ApiKeyService#authenticate}
   * @throws io.idforge.identity.core.domain.shared.ForbiddenException as {@link ApiKeyService#authenticate}
   */
  public Caller authenticate(String presented) {
    return backendKeys.findPresented(presented).orElseGet(() -> apiKeys.authenticate(presented));
  }
}
