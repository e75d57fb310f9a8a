package io.idforge.identity.client;

import jakarta.ws.rs.core.Form;

/**
 * Builds the form of {@code POST /v1/api-keys} with Truora's field names, so callers never spell
 * them: {@code TokenForm.digitalIdentity(flowId, redirectUrl).accountId("customer-42").toForm()}.
 * The service validates every field; this class only assembles them.
 */
public final class TokenForm {

  private final Form form = new Form();

  private TokenForm() {}

  /** A web integration token for one user and one process of {@code flowId} (country ALL, version 1). */
  public static TokenForm digitalIdentity(String flowId, String redirectUrl) {
    TokenForm f = new TokenForm();
    f.form.param("key_type", "web").param("grant", "digital-identity").param("api_key_version", "1")
        .param("country", "ALL").param("flow_id", flowId).param("redirect_url", redirectUrl);
    return f;
  }

  /** Another backend key for the tenant, named {@code keyName}. */
  public static TokenForm backendKey(String keyName) {
    TokenForm f = new TokenForm();
    f.form.param("key_type", "backend").param("key_name", keyName);
    return f;
  }

  /** Replaces a field set by the factory, or adds any other ({@code document_type}, {@code key_name}, ...). */
  public TokenForm with(String field, String value) {
    form.asMap().remove(field);
    form.param(field, value);
    return this;
  }

  public TokenForm accountId(String accountId) {
    return with("account_id", accountId);
  }

  public TokenForm country(String country) {
    return with("country", country);
  }

  /** Adds a phone number to verify (E.164); may be called several times. */
  public TokenForm phone(String e164) {
    form.param("phones[]", e164);
    return this;
  }

  /** Adds an e-mail address to verify; may be called several times. */
  public TokenForm email(String address) {
    form.param("emails[]", address);
    return this;
  }

  /** {@code start_variables.metadata.<name>}: data that surfaces in the process's variables. */
  public TokenForm metadata(String name, String value) {
    return with("start_variables.metadata." + name, value);
  }

  public Form toForm() {
    return form;
  }
}
