package io.idforge.identity.web.hosted;

import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.HandoffService;
import io.idforge.identity.core.domain.shared.IdentityException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Continue on your phone" on a desktop browser: the offer on the flow page ({@code flow.xhtml}),
 * the action that makes a hand-off link, and the page that shows its QR code and then follows the
 * phone's progress ({@code handoff.xhtml}, a meta refresh: no script needed). The step, progress
 * and outcome come from the flow page's bean ({@code #{flow}}), so both pages say the same.
 */
@Named("handoff")
@RequestScoped
public class HandoffBacking {

  /** Seconds between two looks at the phone's progress. */
  static final int REFRESH_SECONDS = 3;

  @Inject HandoffService handoffs;

  @Inject HostedSession session;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "identity.public-base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  private Caller caller;
  private String userAgent;
  private Optional<HandoffService.Status> status;

  @PostConstruct
  void load() {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    caller = session.caller().orElse(null);
    userAgent = ext.getRequestHeaderMap().get("User-Agent");
  }

  /** Makes a hand-off link for this browser's process and shows its QR code. */
  public String start() {
    if (caller == null) {
      return "flow?faces-redirect=true";
    }
    try {
      HandoffService.Link link = handoffs.start(caller);
      session.handoff(link.token(), link.expiresAt());
      return "handoff?faces-redirect=true";
    } catch (RuntimeException e) {
      if (HostedEntryServlet.unwrap(e) == null) {
        throw e;
      }
      // The process finished meanwhile (or the token went away): the flow page says which.
      session.notice("request_refused");
      return "flow?faces-redirect=true";
    }
  }

  /** Whether the flow page offers the hand-off: a desktop browser (the CSS also asks for a fine pointer). */
  public boolean isOffered() {
    return caller != null && Devices.isDesktop(userAgent);
  }

  /** The link the QR code carries, while it works and nobody opened it yet. */
  public String getLink() {
    if (isTaken()) {
      return null;
    }
    return session.handoffToken(OffsetDateTime.now(clock)).map(t -> baseUrl.replaceAll("/+$", "") + "/handoff?t="
        + URLEncoder.encode(t, StandardCharsets.UTF_8)
        + (session.chosenLanguage() == null ? "" : "&lang=" + session.chosenLanguage())).orElse(null);
  }

  /** The QR code of {@link #getLink()} as a PNG {@code data:} URI, or null. */
  public String getQrCode() {
    String link = getLink();
    return link == null ? null : HandoffQr.dataUri(link);
  }

  /** The phone opened the newest link: this page now follows its progress. */
  public boolean isTaken() {
    return status().map(HandoffService.Status::taken).orElse(false);
  }

  /** This browser asked for a link, but it is no longer shown (expired). */
  public boolean isExpired() {
    return !isTaken() && session.handingOff() && getLink() == null;
  }

  /** Minutes the link works for, as told on the page. */
  public long getMinutes() {
    return io.idforge.identity.core.domain.handoff.Handoff.TTL.toMinutes();
  }

  /** The {@code content} of the page's refresh: look again at this page. */
  public String getRefresh() {
    return REFRESH_SECONDS + ";url=handoff.xhtml";
  }

  /**
   * What the desktop shows, in a few characters: the page is opened again only when this
   * changes (the phone took the link, moved on a step, the code expired).
   */
  public String getSignature() {
    FacesContext faces = FacesContext.getCurrentInstance();
    HostedFlowBacking flow = faces.getApplication().evaluateExpressionGet(faces, "#{flow}", HostedFlowBacking.class);
    String state = isTaken() ? "taken" : isExpired() ? "expired" : "waiting";
    return state + "/" + (flow.isLinked() ? flow.getStepsDone() + "/" + flow.isFinished() : "gone");
  }

  /** The newest link's status, read once per request. */
  private Optional<HandoffService.Status> status() {
    if (status == null) {
      status = Optional.empty();
      String processId = flowProcessId();
      if (caller != null && processId != null) {
        try {
          status = handoffs.status(caller, processId);
        } catch (RuntimeException e) {
          if (HostedEntryServlet.unwrap(e) == null) {
            throw e;
          }
        }
      }
    }
    return status;
  }

  /** The process this page is about: the flow bean's, which is the session's token's process. */
  private static String flowProcessId() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().evaluateExpressionGet(faces, "#{flow}", HostedFlowBacking.class).getProcessId();
  }
}
