package io.idforge.identity.client;

import io.idforge.identity.api.validations.UploadReceipt;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * {@code PUT /v1/uploads/{id}/{side}}: the raw photo to a signed link of a validation's {@code
 * instructions} or an enrollment's {@code file_upload_link}. No API key: the link's query is the
 * credential. Use {@link UploadLink#parse} to split a link into these parameters, then {@link
 * UploadLink#put}.
 */
@RegisterRestClient(configKey = IdentityClients.CONFIG_KEY)
@RegisterProvider(IdentityApiExceptionMapper.class)
@Path("/v1/uploads")
@Produces(MediaType.APPLICATION_JSON)
public interface UploadsClient {

  /** @param contentType image/jpeg, image/png or image/webp */
  @PUT
  @Path("/{id}/{side}")
  UploadReceipt put(
      @PathParam("id") String id,
      @PathParam("side") String side,
      @QueryParam("attempt") Integer attempt,
      @QueryParam("max-size") Long maxSize,
      @QueryParam("method") String method,
      @QueryParam("Expires") Long expires,
      @QueryParam("Signature") String signature,
      @HeaderParam("Content-Type") String contentType,
      byte[] file);
}
