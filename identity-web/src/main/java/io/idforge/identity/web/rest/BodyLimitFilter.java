package io.idforge.identity.web.rest;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.core.application.steps.UploadLimits;
import io.idforge.identity.web.rest.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses oversized API bodies with 413 in the error envelope before anything reads them: by
 * {@code Content-Length} when declared, and by counting bytes for chunked bodies.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimitFilter implements ContainerRequestFilter {

  @Inject
  @ConfigProperty(name = "identity.api.max-body-bytes", defaultValue = "65536")
  long maxBytes;

  @Override
  public void filter(ContainerRequestContext request) {
    // Upload links take pictures up to the upload cap; every other body stays small. Jersey
    // (Payara) gives "uploads/...", RESTEasy (WildFly) "/uploads/...".
    long maxBytes =
        request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("uploads/")
            ? UploadLimits.MAX_UPLOAD_BYTES
            : this.maxBytes;
    if (request.getLength() > maxBytes) {
      request.abortWith(ErrorResponses.of(ErrorCode.PAYLOAD_TOO_LARGE, null));
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBytes));
    }
  }

  /** Fails the read once more than the limit has been consumed. */
  static final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      count += n;
      if (count > limit) {
        throw new WebApplicationException(413);
      }
    }
  }
}
