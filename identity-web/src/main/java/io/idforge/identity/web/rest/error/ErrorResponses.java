package io.idforge.identity.web.rest.error;

import io.idforge.identity.web.http.DatabaseOutage;

import io.idforge.identity.api.common.MessageResponse;
import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.api.error.ErrorResponse;
import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.core.document.image.DecodeBusyException;
import io.idforge.identity.core.domain.shared.IdentityException;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import io.idforge.identity.web.logging.RequestIds;
import io.idforge.identity.web.rest.security.ApiKeyFilter;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds every error answer of the API in Truora's envelope. The single place that decides how an
 * exception looks on the wire, so the mappers stay one-liners.
 */
public final class ErrorResponses {

  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  private ErrorResponses() {}

  public static Response of(ErrorCode code, String message) {
    return of(code, code.httpStatus(), message);
  }

  /**
   * The envelope sent with {@code status}, which may be more precise than the code's own (405,
   * 406, ... under the generic 10400); {@code http_code} is the status actually sent.
   */
  public static Response of(ErrorCode code, int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorResponse(code.code(), status, ErrorResponse.of(code, message).message(), null))
        .build();
  }

  /** Maps any throwable, unwrapping container wrappers to find a domain exception. */
  public static Response from(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof UnauthorizedException) {
        return ApiKeyFilter.unauthorized();
      }
      if (t instanceof DecodeBusyException busy) {
        return busy(busy);
      }
      if (t instanceof IdentityException ie) {
        LOG.log(Level.FINE, "client error", ie);
        return of(ie.errorCode(), ie.getMessage());
      }
      if (t instanceof InvalidInputException iie) {
        return of(ErrorCode.INVALID_REQUEST, iie.getMessage());
      }
      if (t instanceof OptimisticLockException || t instanceof PessimisticLockException) {
        return of(ErrorCode.CONFLICT, "Conflict: the resource was changed concurrently; retry");
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (DatabaseOutage.isCauseOf(thrown)) {
      return unavailable(thrown);
    }
    return internal(thrown);
  }

  /**
   * 503 "busy, try again" with {@code Retry-After} in whole seconds (at least 1). Logged at FINE
   * like any client-side condition: a busy spell is load, not a fault, and must not flood the log.
   */
  public static Response busy(DecodeBusyException e) {
    LOG.log(Level.FINE, "picture decoders busy; answered 503");
    long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
    return Response.fromResponse(of(e.errorCode(), e.getMessage()))
        .header(HttpHeaders.RETRY_AFTER, seconds)
        .build();
  }

  /** Seconds a client should wait before retrying while the database is away. */
  static final int RETRY_AFTER_SECONDS = 2;

  /**
   * A 503 while the database is unreachable: one log line (no stack trace, and nothing from the
   * request), {@code Retry-After}, the envelope with code 10500.
   */
  public static Response unavailable(Throwable thrown) {
    LOG.warning(() -> "database unavailable, answering 503: " + rootCause(thrown));
    return Response.fromResponse(of(ErrorCode.UNAVAILABLE, null))
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .build();
  }

  /**
   * 429 in Truora's envelope (code 10400) with {@code Retry-After} in whole seconds, at least 1.
   */
  public static Response tooManyRequests(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Response.fromResponse(
            of(ErrorCode.TOO_MANY_REQUESTS, "Too many requests: retry after " + seconds + " seconds"))
        .header("Retry-After", seconds)
        .build();
  }

  private static String rootCause(Throwable thrown) {
    Throwable t = thrown;
    for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 32; depth++) {
      t = t.getCause();
    }
    return t.getClass().getName();
  }

  /**
   * A 500 with a short reference and the request id ({@code request_id}, also in the {@code
   * X-Request-Id} header and every log line of the request); the stack trace goes to the log under
   * that reference only.
   */
  public static Response internal(Throwable thrown) {
    String ref = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    LOG.log(Level.SEVERE, "unexpected error, ref " + ref, thrown);
    String message = ErrorCode.INTERNAL.defaultMessage() + " (ref " + ref + ")";
    return Response.status(ErrorCode.INTERNAL.httpStatus())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorResponse.of(ErrorCode.INTERNAL, message).withRequestId(RequestIds.current().orElse(null)))
        .build();
  }

  /** Truora's API gateway answer to an unknown route asked without a key. */
  public static Response missingAuthenticationToken() {
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new MessageResponse(MessageResponse.MISSING_AUTHENTICATION_TOKEN))
        .build();
  }
}
