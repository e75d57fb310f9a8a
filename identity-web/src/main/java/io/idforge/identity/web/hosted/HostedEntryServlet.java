package io.idforge.identity.web.hosted;

import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.HostedFlowService;
import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.shared.IdentityException;
import io.idforge.identity.core.domain.shared.UnauthorizedException;
import io.idforge.identity.web.metrics.ProcessOpenings;
import io.idforge.identity.web.ratelimit.ClientAddress;
import io.idforge.identity.web.ratelimit.RateLimits;
import io.idforge.identity.web.http.DatabaseOutage;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.Optional;

/**
 * The process URL {@code <base>/?token=<api_key>}: the first open of a valid web token starts the
 * process, later opens resume it. The token may also arrive by HTML form POST (field
 * {@code token}) so it need not appear in a URL. A valid token is kept out of every later URL:
 * a sealed cookie carries the caller's public ids ({@link HostedSession}: a fresh state and form
 * token on every open, against fixation) and the
 * browser is redirected (303) to the flow page {@code flow.xhtml?process_id=IDP...}. Expired or
 * revoked links get a 403 page, forged ones a 401 page; without a token the landing page answers
 * 200. Forged links count as failed authentications for the rate limits (a 429 page when over).
 */
@WebServlet(urlPatterns = {""})
public class HostedEntryServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /**
   * Optional parameter of the process URL: {@code event_format=sdk} makes the iframe events carry
   * the process id as Truora's native SDK bridge does ({@code "<event>,<process_id>"}).
   */
  static final String EVENT_FORMAT = "event_format";

  static final String SDK_EVENTS = "sdk";

  @Inject ApiKeyService apiKeys;

  @Inject HostedFlowService hosted;

  @Inject HostedSession session;

  @Inject ProcessOpenings openings;
  @Inject RateLimits rateLimits;

  @Inject ClientAddress clientAddress;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    handle(request, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    handle(request, response);
  }

  private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HostedPages.provisionalHeaders(response);
    String token = request.getParameter("token");
    if (token == null || token.isBlank()) {
      page(response, 200, HostedPages.landing(request));
      return;
    }
    String address = clientAddress.of(request);
    Optional<Duration> wait = rateLimits.authenticationBlocked(address, token);
    if (wait.isPresent()) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
      page(response, 429, HostedPages.problem(request, "link.busy", 429));
      return;
    }
    try {
      Caller caller = apiKeys.authenticate(token);
      if (caller.kind() != Caller.Kind.WEB) {
        page(response, 403, HostedPages.problem(request, "link.wrong-kind", 403));
        return;
      }
      OffsetDateTime mark = openings.mark();
      ProcessView view = hosted.open(caller, request.getRemoteAddr()).process();
      IdentityProcess opened = view.process();
      openings.opened(ProcessOpenings.HOSTED, mark, opened.createdAt());
      String processId = opened.processId();
      FramePolicy frames = new FramePolicy(view.flow().allowedFrameAncestors());
      // The redirect may answer inside the tenant's iframe: it carries the flow's frame policy too.
      HostedPages.secureHeaders(response, frames);
      // From here on the sealed state cookie identifies the process: the token leaves the URL.
      session.respondWith(response);
      session.bind(caller, processId, frames, SDK_EVENTS.equals(request.getParameter(EVENT_FORMAT)),
          request.getParameter("lang"));
      // Like Truora, the process id appears in the URL once the flow has started.
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location",
          request.getContextPath() + "/flow.xhtml?process_id=" + URLEncoder.encode(processId, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      IdentityException ie = unwrap(e);
      if (ie == null && DatabaseOutage.isCauseOf(e)) {
        HostedPages.unavailable(request, response);
        return;
      }
      if (ie == null) {
        throw e;
      }
      if (ie instanceof UnauthorizedException) {
        rateLimits.authenticationFailed(address, token); // a forged or unknown link
      }
      int status = ie instanceof UnauthorizedException ? 401 : ie.errorCode().httpStatus();
      String key = status == 401 ? "link.invalid" : status == 403 ? "link.expired" : "link.unusable";
      page(response, status, HostedPages.problem(request, key, status));
    }
  }

  /**
   * A page of the process URL without a process (landing, problems): nobody may frame it, since no
   * flow vouches for the embedding site.
   */
  private static void page(HttpServletResponse response, int status, String html) throws IOException {
    HostedPages.secureHeaders(response, FramePolicy.NONE);
    HostedPages.write(response, status, html);
  }

  static IdentityException unwrap(Throwable t) {
    for (Throwable c = t; c != null; c = c instanceof EJBException ejb && ejb.getCausedByException() != null ? ejb.getCausedByException() : c.getCause()) {
      if (c instanceof IdentityException ie) {
        return ie;
      }
    }
    return null;
  }
}
