package io.idforge.identity.web.rest.apikeys;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.core.domain.shared.IdentityException;
import java.util.Locale;

/**
 * The {@code reason} tag of a refused {@code POST /v1/api-keys}: the error family of the answer
 * ({@code invalid_request}, {@code forbidden}, {@code unprocessable}, ...) or {@code error} for
 * anything unexpected. A closed set, so the metric keeps a handful of series.
 */
final class TokenRejections {

  private TokenRejections() {}

  static String reason(Throwable thrown) {
    for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof InvalidInputException) {
        return family(ErrorCode.INVALID_REQUEST);
      }
      if (t instanceof IdentityException ie) {
        return family(ie.errorCode());
      }
    }
    return "error";
  }

  private static String family(ErrorCode code) {
    return code.name().toLowerCase(Locale.ROOT);
  }
}
