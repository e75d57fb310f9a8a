package io.idforge.identity.web.rest.security;

import io.idforge.identity.api.common.MessageResponse;
import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Authenticates every {@code /v1} request from its {@code Truora-API-Key} header, as Truora does:
 * a missing, unknown or forged key is a bare 401 {@code {"message":"Unauthorized"}}; an expired
 * or revoked web token is a 403 in the error envelope (thrown to the mappers). The tenant
 * provisioning API has its own admin key and is skipped here.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

  public static final String HEADER = "Truora-API-Key";

  @Inject ApiKeyService apiKeys;

  @Inject CallerContext callerContext;

  @Override
  public void filter(ContainerRequestContext request) {
    // Jersey (Payara) gives "admin/clients", RESTEasy (WildFly) "/admin/clients".
    if (request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("admin/")) {
      return;
    }
    try {
      callerContext.set(apiKeys.authenticate(request.getHeaderString(HEADER)));
    } catch (UnauthorizedException e) {
      request.abortWith(unauthorized());
    }
  }

  public static Response unauthorized() {
    return Response.status(Response.Status.UNAUTHORIZED)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new MessageResponse("Unauthorized"))
        .build();
  }
}
