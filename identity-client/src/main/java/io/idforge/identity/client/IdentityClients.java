package io.idforge.identity.client;

import java.net.URI;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Names shared by the client interfaces, and programmatic construction for code outside CDI. In
 * a CDI application inject them instead: {@code @Inject @RestClient ProcessesClient processes;}
 * with {@code idforge/mp-rest/url=https://identity.example.com} (the {@value #CONFIG_KEY} config key).
 */
public final class IdentityClients {

  /** The MicroProfile Config key of every interface: {@code idforge/mp-rest/url} sets the base URL. */
  public static final String CONFIG_KEY = "idforge";

  /** Truora's key header: a backend key, or a web integration token where the service wants one. */
  public static final String API_KEY_HEADER = "Truora-API-Key";

  private IdentityClients() {}

  /** A client of {@code type} for the service at {@code baseUri}, with the error mapper. */
  public static <T> T create(Class<T> type, URI baseUri) {
    return RestClientBuilder.newBuilder().baseUri(baseUri).build(type);
  }
}
