package io.idforge.identity.web.hosted;

import io.idforge.identity.core.application.HandoffService;
import io.idforge.identity.core.domain.handoff.Handoff;
import io.idforge.identity.core.domain.shared.IdentityException;
import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.web.ratelimit.RateLimits;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The phone's side of "continue on your phone": {@code <base>/handoff?t=<token>} from the QR code
 * the desktop shows. The first open within ten minutes gives this browser the desktop's process
 * (a fresh sealed state cookie with the token's public ids only) and redirects (303) to the
 * flow page, so the link leaves the address bar at once. A used link answers 410 "already used",
 * an expired one 410 "expired", an unknown one 404; unknown links count as failed authentications
 * for the rate limits, as forged process links do.
 */
@WebServlet(urlPatterns = {"/handoff"})
public class HandoffEntryServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject HandoffService handoffs;

  @Inject HostedSession session;

  @Inject RateLimits rateLimits;

  @Inject ClientAddress clientAddress;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HostedPages.secureHeaders(response, FramePolicy.NONE);
    String token = request.getParameter("t");
    String address = clientAddress.of(request);
    String presented = token == null ? "" : token;
    Optional<Duration> wait = rateLimits.authenticationBlocked(address, presented);
    if (wait.isPresent()) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
      HostedPages.write(response, 429, HostedPages.problem(request, "link.busy", 429));
      return;
    }
    Optional<HandoffService.Redemption> redeemed;
    try {
      redeemed = handoffs.redeem(token);
    } catch (RuntimeException e) {
      IdentityException refused = HostedEntryServlet.unwrap(e);
      if (refused == null) {
        throw e;
      }
      // The web token was revoked or is gone: the process is closed to every browser.
      HostedPages.write(response, 403, HostedPages.problem(request, "link.expired", 403));
      return;
    }
    if (redeemed.isEmpty()) {
      rateLimits.authenticationFailed(address, presented);
      HostedPages.write(response, 404, HostedPages.problem(request, "handoff.invalid", 404));
      return;
    }
    HandoffService.Redemption r = redeemed.get();
    if (r.use() != Handoff.Use.OK) {
      String key = r.use() == Handoff.Use.USED ? "handoff.used" : "handoff.expired";
      HostedPages.write(response, 410, HostedPages.problem(request, key, 410));
      return;
    }
    session.respondWith(response);
    // The phone opens the link itself, never inside a frame.
    session.bind(r.caller(), r.processId(), FramePolicy.NONE, false, request.getParameter("lang"));
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/flow.xhtml?process_id="
        + URLEncoder.encode(r.processId(), StandardCharsets.UTF_8));
  }
}
