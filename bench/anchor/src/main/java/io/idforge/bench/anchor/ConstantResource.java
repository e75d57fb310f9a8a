package io.idforge.bench.anchor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /anchor}: a constant JSON string, the least work a JAX-RS GET can do on Payara Micro
 * (Grizzly, Jersey, Weld, no database, no JSON binding). The bench divides the service's result
 * reads by this rate.
 */
@Path("anchor")
@ApplicationScoped
public class ConstantResource {

  private static final String BODY = "{\"status\":\"ok\",\"anchor\":\"trivial JAX-RS GET\"}";

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String get() {
    return BODY;
  }
}
