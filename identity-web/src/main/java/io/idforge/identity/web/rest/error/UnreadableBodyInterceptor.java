package io.idforge.identity.web.rest.error;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A body the JAX-RS runtime's own readers cannot parse is the caller's error (400), on every
 * runtime: Jersey (Payara) answers a malformed form such as {@code key_type=%zz} with a 400, while
 * RESTEasy (WildFly) lets the decoder's IllegalArgumentException escape, which would be a 500.
 */
@Provider
public class UnreadableBodyInterceptor implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (WebApplicationException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e);
    }
  }
}
