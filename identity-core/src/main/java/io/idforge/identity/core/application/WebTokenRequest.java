package io.idforge.identity.core.application;

import java.util.List;
import java.util.Map;

/**
 * A validated request for a web integration token, as the web layer hands it to core (core never
 * sees the form bean). Values are already normalised: phones in E.164, country upper-case.
 *
 * @param accountId the caller's account id, or null to generate one
 */
public record WebTokenRequest(
    String keyType,
    String grant,
    int apiKeyVersion,
    String country,
    String redirectUrl,
    String flowId,
    String accountId,
    List<String> phones,
    List<String> emails,
    String documentType,
    String keyName,
    Map<String, String> metadata) {

  public WebTokenRequest {
    phones = phones == null ? List.of() : List.copyOf(phones);
    emails = emails == null ? List.of() : List.copyOf(emails);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
