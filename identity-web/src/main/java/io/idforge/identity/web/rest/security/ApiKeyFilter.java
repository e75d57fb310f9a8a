package io.idforge.identity.web.rest.security;

import io.idforge.identity.api.common.MessageResponse;
import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.web.ratelimit.RateLimits;
import io.idforge.identity.web.rest.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;

/**
 * Authenticates every {@code /v1} request from its {@code Truora-API-Key} header, as Truora does:
 * a missing, unknown or forged key is a bare 401 {@code {"message":"Unauthorized"}}; an expired
 * or revoked web token is a 403 in the error envelope (thrown to the mappers). The tenant
 * provisioning API has its own admin key and the signed upload links need none: both are skipped here.
 *
 * <p>Rate limits ({@link RateLimits}): an address or key with too many recent failures gets 429
 * before its key is checked, and a backend or generator key's {@code POST /v1/api-keys} spends one
 * issuance. Generator and sdk keys are held to their scope ({@link KeyScopes}): 403 elsewhere.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

  public static final String HEADER = "Truora-API-Key";

  /** Backend-key cache hits without the {@code @Stateless} service; everything else through it. */
  @Inject KeyAuthentication keys;

  @Inject CallerContext callerContext;

  @Inject RateLimits rateLimits;

  @Inject ClientAddress clientAddress;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    // Jersey (Payara) gives "admin/clients", RESTEasy (WildFly) "/admin/clients".
    String path = request.getUriInfo().getPath().replaceFirst("^/", "");
    // Upload links carry their own signature and, like Truora's, no API key.
    if (path.startsWith("admin/") || path.startsWith("uploads/")) {
      return;
    }
    String presented = request.getHeaderString(HEADER);
    String address = clientAddress.of(servletRequest);
    Optional<Duration> wait = rateLimits.authenticationBlocked(address, presented);
    if (wait.isPresent()) {
      request.abortWith(ErrorResponses.tooManyRequests(wait.get()));
      return;
    }
    Caller caller;
    try {
      caller = keys.authenticate(presented);
    } catch (UnauthorizedException e) {
      rateLimits.authenticationFailed(address, presented);
      request.abortWith(unauthorized());
      return;
    }
    callerContext.set(caller);
    Optional<String> outOfScope = KeyScopes.refusal(caller.kind(), request.getMethod(), path);
    if (outOfScope.isPresent()) {
      request.abortWith(ErrorResponses.of(ErrorCode.FORBIDDEN, outOfScope.get()));
      return;
    }
    // A generator key's exchange is an issuance like a backend key's and spends the same budget.
    if ((caller.kind() == Caller.Kind.BACKEND || caller.kind() == Caller.Kind.GENERATOR) && isTokenIssuance(request)) {
      rateLimits.acquireIssuance(address, presented).ifPresent(w -> request.abortWith(ErrorResponses.tooManyRequests(w)));
    }
  }

  private static boolean isTokenIssuance(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return "POST".equals(request.getMethod()) && ("api-keys".equals(path) || "/api-keys".equals(path) || "api-keys/".equals(path));
  }

  public static Response unauthorized() {
    return Response.status(Response.Status.UNAUTHORIZED)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new MessageResponse("Unauthorized"))
        .build();
  }
}
