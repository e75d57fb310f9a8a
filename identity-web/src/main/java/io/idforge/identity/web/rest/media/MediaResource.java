package io.idforge.identity.web.rest.media;

import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.MediaService.MediaContent;
import io.idforge.identity.core.application.MediaService;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.web.rest.security.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/media/{media_id}?expires=&signature=}: an uploaded image, decrypted, for the
 * tenant's backend key and a link from a result that has not expired.
 */
@Tag(name = "media", description = "Uploaded images, through the signed links of a result")
@Path("media")
@RequestScoped
public class MediaResource {

  @Inject MediaService media;

  @Inject MediaLinks links;

  @Inject CallerContext callerContext;

  @GET
  @Path("{media_id}")
  @Operation(operationId = "getMedia", summary = "An uploaded image, through a signed link of a result",
      description = "The front_image, reverse_image and face_photo links of a result; valid 15 minutes, bound to the tenant."
          + " Backend key only.")
  @APIResponse(responseCode = "200", description = "The image", content = {
      @Content(mediaType = "image/jpeg", schema = @Schema(ref = "Binary")),
      @Content(mediaType = "image/png", schema = @Schema(ref = "Binary"))})
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "500", ref = "InternalError")
  public Response get(
      @Parameter(description = "Media id from the link", required = true) @PathParam("media_id") String mediaId,
      @Parameter(description = "Expiry of the link (Unix seconds)") @QueryParam("expires") long expires,
      @Parameter(description = "Signature of the link") @QueryParam("signature") String signature) {
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
