package io.idforge.identity.web.rest.media;

import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.MediaService;
import io.idforge.identity.core.application.MediaService.MediaContent;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /v1/media/{media_id}?expires=&signature=}: an uploaded image, decrypted, for the
 * tenant's backend key and a link from a result that has not expired.
 */
@Path("media")
@RequestScoped
public class MediaResource {

  @Inject MediaService media;

  @Inject MediaLinks links;

  @Inject CallerContext callerContext;

  @GET
  @Path("{media_id}")
  public Response get(
      @PathParam("media_id") String mediaId,
      @QueryParam("expires") long expires,
      @QueryParam("signature") String signature) {
    Caller caller = callerContext.caller().requireBackend();
    if (!links.verify(caller.clientId(), mediaId, expires, signature)) {
      throw new ForbiddenException("Forbidden: the link has expired or is not valid");
    }
    MediaContent content = media.read(caller.clientId(), mediaId);
    return Response.ok(content.bytes(), content.mimeType())
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
