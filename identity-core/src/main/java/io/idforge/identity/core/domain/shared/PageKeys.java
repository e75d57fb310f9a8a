package io.idforge.identity.core.domain.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Encodes the surrogate id a listing stopped at as an opaque {@code start_key}, so callers cannot
 * rely on its shape and a forged key is a clean 400.
 */
public final class PageKeys {

  private static final String PREFIX = "k1:";

  private PageKeys() {}

  public static String encode(long lastId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
  }

  /** The id to continue below, or {@link Long#MAX_VALUE} for the first page. */
  public static long decode(String startKey) {
    if (startKey == null || startKey.isBlank()) {
      return Long.MAX_VALUE;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(startKey), StandardCharsets.UTF_8);
      if (!raw.startsWith(PREFIX)) {
        throw new InvalidRequestException("Invalid request: start_key is not a valid cursor");
      }
      return Long.parseLong(raw.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("Invalid request: start_key is not a valid cursor");
    }
  }

  /** Builds a page from up to {@code limit + 1} rows fetched in descending id order. */
  public static <T> Page<T> page(List<T> rows, int limit, ToLongFunction<T> id) {
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, encode(id.applyAsLong(items.get(limit - 1))));
  }
}
