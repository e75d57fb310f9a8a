package io.idforge.bench.anchor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the context root, like the service's {@code /v1}-prefixed resources. */
@ApplicationPath("/")
public class AnchorApplication extends Application {}
