package io.idforge.identity.core.domain.shared;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json}'s static factories look
 * the provider up through {@code ServiceLoader} on every call, which in Payara scans the class path
 * each time (16–27 % of CPU per request in the benchmark); looking it up once removes that.
 */
public final class JsonSupport {

  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonSupport() {}
}
