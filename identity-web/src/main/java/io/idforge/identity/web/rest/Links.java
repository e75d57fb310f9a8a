package io.idforge.identity.web.rest;

import jakarta.ws.rs.core.UriInfo;

/** The {@code self} and {@code next} links of cursor listings, relative like Truora's. */
public final class Links {

  private Links() {}

  public static String self(UriInfo uri) {
    String query = uri.getRequestUri().getRawQuery();
    return "/v1/" + uri.getPath().replaceFirst("^/", "") + (query == null ? "" : "?" + query);
  }

  /** The link to the next page, or null on the last page. */
  public static String next(UriInfo uri, String nextKey) {
    if (nextKey == null) {
      return null;
    }
    return "/v1/" + uri.getPath().replaceFirst("^/", "")
        + uri.getRequestUriBuilder().replaceQueryParam("start_key", nextKey).build().getRawQuery()
            .transform(q -> "?" + q);
  }
}
