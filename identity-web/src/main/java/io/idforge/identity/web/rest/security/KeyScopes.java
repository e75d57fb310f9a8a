package io.idforge.identity.web.rest.security;

import io.idforge.identity.core.application.Caller;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the keys of Truora's validations SDK may call, decided once at authentication so that no
 * endpoint added later is open to them by accident. A generator key only exchanges itself for sdk
 * keys ({@code POST /v1/api-keys}); an sdk key only drives the tenant's standalone validations and
 * enrollments, as Truora's SDK does on its validations API: create, poll and submit a code to a
 * validation, create and read an enrollment (the file uploads need no key). Everything else (key
 * management, flows, accounts, processes, results, reviews, webhooks, media) is a 403. Backend
 * keys and web tokens are scoped by the services themselves.
 */
final class KeyScopes {

  /** {@code validations}, {@code validations/{id}}, {@code enrollments}, {@code enrollments/{id}}. */
  private static final Pattern SDK_PATHS = Pattern.compile("(validations|enrollments)(/[^/]+)?/?");

  private static final Pattern GENERATOR_PATHS = Pattern.compile("api-keys/?");

  private KeyScopes() {}

  /**
   * The 403 message when {@code kind} may not call {@code method path}; empty when it may.
   *
   * @param path the request path below {@code /v1}, without a leading slash
   */
  static Optional<String> refusal(Caller.Kind kind, String method, String path) {
    switch (kind) {
      case SDK:
        return ("GET".equals(method) || "POST".equals(method)) && SDK_PATHS.matcher(path).matches()
            ? Optional.empty()
            : Optional.of("Forbidden: an sdk key may only call the Validations API (validations and enrollments)");
      case GENERATOR:
        return "POST".equals(method) && GENERATOR_PATHS.matcher(path).matches()
            ? Optional.empty()
            : Optional.of("Forbidden: a generator key may only create sdk keys (POST /v1/api-keys)");
      default:
        return Optional.empty();
    }
  }
}
