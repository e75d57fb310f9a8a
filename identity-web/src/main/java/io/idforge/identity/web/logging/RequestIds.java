package io.idforge.identity.web.logging;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request id of the request the current thread serves. Set and cleared by {@link
 * RequestIdFilter}; read by the log formatters and the error envelope. A thread-local rather than
 * a CDI bean because log formatters run outside any CDI context (and on threads without a
 * request, where there simply is no id).
 */
public final class RequestIds {

  /** The header a caller or proxy may send, and that every answer carries. */
  public static final String HEADER = "X-Request-Id";

  /**
   * What a caller-supplied id may look like: 1 to 64 letters, digits, {@code . _ : -}. Anything
   * else (too long, spaces, control characters that could forge log lines) is replaced.
   */
  static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestIds() {}

  /** The current request's id, if this thread serves a request. */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The presented id when well-formed, otherwise a new one (32 lowercase hex digits). */
  static String acceptOrGenerate(String presented) {
    if (presented != null && WELL_FORMED.matcher(presented).matches()) {
      return presented;
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static void set(String id) {
    CURRENT.set(id);
  }

  static void clear() {
    CURRENT.remove();
  }
}
