package io.idforge.identity.web.admin.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console page to return to after signing in again ({@code back} on the sign-in page). Only a
 * console page of this application qualifies, so the parameter cannot send anybody elsewhere (no
 * open redirect): a path {@code /admin/<page>.xhtml} with a plain query, never the sign-in or setup
 * page.
 */
public final class ReturnPath {

  private static final Pattern SAFE = Pattern.compile("/admin/[a-z-]+\\.xhtml(\\?[A-Za-z0-9=&_.%-]{0,200})?");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");

  private ReturnPath() {}

  /** {@code back} if it is a safe console page. */
  public static Optional<String> safe(String back) {
    if (back == null || !SAFE.matcher(back).matches() || back.startsWith("/admin/login.xhtml")
        || back.startsWith("/admin/setup.xhtml")) {
      return Optional.empty();
    }
    return Optional.of(back);
  }

  /** The page of a request to come back to: its path, with the public id it showed ({@code id}) if any. */
  public static Optional<String> of(String path, String id) {
    String back = path + (id != null && ID.matcher(id).matches() ? "?id=" + id : "");
    return safe(back);
  }

  /** The sign-in page's address, with where to come back to and whether a session expired. */
  public static String signInPage(String contextPath, Optional<String> back, boolean expired) {
    StringBuilder url = new StringBuilder(contextPath).append(ConsoleAuthenticationMechanism.SIGN_IN_PAGE);
    String sep = "?";
    if (expired) {
      url.append(sep).append("expired=1");
      sep = "&";
    }
    if (back.isPresent()) {
      url.append(sep).append("back=").append(URLEncoder.encode(back.get(), StandardCharsets.UTF_8));
    }
    return url.toString();
  }
}
