package io.idforge.identity.web.rest.validations;

import io.idforge.identity.api.validations.Instructions;
import io.idforge.identity.core.application.validations.UploadTicket;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns upload tickets into the URLs of {@code instructions}, in the query shape of Truora's signed
 * links ({@code max-size}, {@code method}, {@code Expires}, {@code Signature}). The URL is the
 * whole credential: it carries no API key, and {@code ApiKeyFilter} lets its path through.
 */
@ApplicationScoped
public class UploadUrls {

  /** Path of the upload links under {@code /v1}. */
  public static final String PATH = "uploads";

  @Inject
  @ConfigProperty(name = "identity.public-base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  @PostConstruct
  void trimBaseUrl() {
    baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /** The instructions for these tickets, or null when the validation takes no upload. */
  public Instructions instructions(List<UploadTicket> tickets) {
    if (tickets.isEmpty()) {
      return null;
    }
    String front = null;
    String reverse = null;
    String file = null;
    for (UploadTicket t : tickets) {
      switch (t.side()) {
        case FRONT -> front = url(t);
        case REVERSE -> reverse = url(t);
        case SELFIE, REFERENCE -> file = url(t);
      }
    }
    return new Instructions(front, reverse, file);
  }

  String url(UploadTicket t) {
    return baseUrl + "/v1/" + PATH + "/" + t.validationId() + "/" + t.side().pathValue() + "?attempt=" + t.attempt()
        + "&max-size=" + t.maxBytes() + "&method=PUT&Expires=" + t.expiresEpochSecond() + "&Signature=" + t.signature();
  }
}
