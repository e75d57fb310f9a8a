package io.idforge.identity.web.hosted;

import io.idforge.identity.api.common.WireFormats;
import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.api.reasons.ReasonKind;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.FlowScreen;
import io.idforge.identity.core.application.HostedFlowService;
import io.idforge.identity.core.domain.flow.AllowedDocuments;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.shared.IdentityException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Backing bean of {@code flow.xhtml}: shows the step the process is on and turns each form into
 * one call of {@link HostedFlowService}. After every action it redirects back to the page (the
 * notice travels in the flash), so reloading never resubmits and always shows the current step.
 */
@Named("flow")
@RequestScoped
public class FlowBacking {

  static final List<String> DEFAULT_COUNTRIES = List.of("CO", "MX", "PE", "CL", "BR", "AR", "EC", "CR", "PA", "SV", "VE");

  static final List<String> DEFAULT_DOCUMENT_TYPES = List.of("national-id", "passport", "foreign-id", "driver-license");

  @Inject HostedFlowService hosted;

  @Inject HostedSession session;

  private Caller caller;
  private FlowScreen screen;
  private String notice;

  private String destination;
  private String code;
  private String country;
  private String documentType;
  private String cancelReason;
  private Part front;
  private Part back;
  private Part selfie;

  @PostConstruct
  void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    session.chooseLanguage(ext.getRequestParameterMap().get("lang"));
    caller = session.caller().orElse(null);
    if (caller == null) {
      return;
    }
    Object flashed = ext.getFlash().get("notice");
    notice = flashed == null ? null : flashed.toString();
    try {
      screen = hosted.open(caller, ((HttpServletRequest) ext.getRequest()).getRemoteAddr());
    } catch (RuntimeException e) {
      notice = problem(e);
    }
  }

  // --- actions ---------------------------------------------------------------------------------

  public String sendCode() {
    return act(() -> {
      String typed = destination == null ? null : destination.trim();
      if (typed != null && !typed.isEmpty()) {
        boolean phone = screen.step().type() == StepType.PHONE_VERIFICATION;
        typed = (phone ? WireFormats.e164(typed) : WireFormats.email(typed)).orElse(null);
        if (typed == null) {
          return phone ? "invalid_phone" : "invalid_email";
        }
      }
      return hosted.sendCode(caller, typed, language()).notice();
    });
  }

  public String submitCode() {
    return act(() -> hosted.submitCode(caller, code).notice());
  }

  public String submitDocument() {
    return act(() -> {
      byte[] backBytes = bytes(back);
      return hosted.submitDocument(caller, country, documentType, bytes(front),
          backBytes == null || backBytes.length == 0 ? null : backBytes).notice();
    });
  }

  public String submitSelfie() {
    return act(() -> hosted.submitSelfie(caller, bytes(selfie), null).notice());
  }

  public String cancel() {
    return act(() -> hosted.cancel(caller, cancelReason).notice());
  }

  private String act(Action action) {
    if (caller == null) {
      return null;
    }
    String result;
    try {
      result = action.run();
    } catch (IOException e) {
      result = "upload_failed";
    } catch (RuntimeException e) {
      result = problem(e);
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().put("notice", result);
    return "flow?faces-redirect=true";
  }

  @FunctionalInterface
  interface Action {
    String run() throws IOException;
  }

  /** A domain refusal becomes a notice for the user; anything else is a real error. */
  private static String problem(RuntimeException e) {
    for (Throwable t = e; t != null; t = t instanceof EJBException ejb && ejb.getCausedByException() != null ? ejb.getCausedByException() : t.getCause()) {
      if (t instanceof IdentityException) {
        return "request_refused";
      }
    }
    throw e;
  }

  private static byte[] bytes(Part part) throws IOException {
    if (part == null) {
      return null;
    }
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    }
  }

  // --- view model ------------------------------------------------------------------------------

  public boolean isLinked() {
    return caller != null && screen != null;
  }

  public FlowScreen getScreen() {
    return screen;
  }

  public String getNotice() {
    return notice;
  }

  public String getStepType() {
    return screen == null || screen.step() == null ? "finished" : screen.step().type().wireValue();
  }

  public boolean isInReview() {
    return screen != null && screen.validation() != null && screen.validation().inReview();
  }

  public boolean isCodeSent() {
    return screen != null && screen.validation() != null && screen.validation().challenge().isPresent();
  }

  public int getRemainingRetries() {
    return screen == null || screen.validation() == null ? 0 : screen.validation().remainingRetries();
  }

  /** A preset destination, masked: the user sees where the code goes without the whole value. */
  public String getMaskedDestination() {
    String d = screen == null ? null : screen.presetDestination();
    if (d == null) {
      return null;
    }
    int at = d.indexOf('@');
    if (at > 1) {
      return d.charAt(0) + "***" + d.substring(at);
    }
    return d.length() > 4 ? d.substring(0, 3) + "*".repeat(d.length() - 7 > 0 ? d.length() - 7 : 1) + d.substring(d.length() - 4) : d;
  }

  public boolean isSucceeded() {
    return screen != null && screen.process().process().status() == ProcessStatus.SUCCESS;
  }

  /** Where the user goes when done: the tenant's redirect URL with the process id appended. */
  public String getRedirectTarget() {
    IdentityProcess p = screen.process().process();
    return p.redirectUrl() + (p.redirectUrl().contains("?") ? "&" : "?") + "process_id="
        + URLEncoder.encode(p.processId(), StandardCharsets.UTF_8);
  }

  public int getProgressPercent() {
    if (screen == null || screen.finished()) {
      return 100;
    }
    return (int) Math.round(100.0 * (screen.stepNumber() - 1) / screen.stepCount());
  }

  public List<String> getCountries() {
    Set<String> countries = new TreeSet<>();
    for (AllowedDocuments a : allowed()) {
      if ("ALL".equals(a.country())) {
        return DEFAULT_COUNTRIES;
      }
      countries.add(a.country());
    }
    return countries.isEmpty() ? DEFAULT_COUNTRIES : new ArrayList<>(countries);
  }

  public List<String> getDocumentTypes() {
    Set<String> types = new TreeSet<>();
    for (AllowedDocuments a : allowed()) {
      types.addAll(a.documentTypes());
    }
    return types.isEmpty() ? DEFAULT_DOCUMENT_TYPES : new ArrayList<>(types);
  }

  private List<AllowedDocuments> allowed() {
    return screen == null || screen.step() == null ? Collections.emptyList() : screen.step().config().allowedDocuments();
  }

  /** The cancel reasons a user can pick (the catalogue's {@code canceled} rows). */
  public List<String> getCancelReasons() {
    return new ArrayList<>(ReasonCatalogue.standard().codes(ReasonKind.CANCELED));
  }

  public Locale getLocale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    List<Locale> accepted = new ArrayList<>();
    faces.getExternalContext().getRequestLocales().forEachRemaining(accepted::add);
    return session.locale(accepted);
  }

  private String language() {
    return getLocale().getLanguage();
  }

  // --- form fields -----------------------------------------------------------------------------

  public String getDestination() { return destination; }
  public void setDestination(String destination) { this.destination = destination; }
  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public String getCountry() { return country; }
  public void setCountry(String country) { this.country = country; }
  public String getDocumentType() { return documentType; }
  public void setDocumentType(String documentType) { this.documentType = documentType; }
  public String getCancelReason() { return cancelReason; }
  public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
  public Part getFront() { return front; }
  public void setFront(Part front) { this.front = front; }
  public Part getBack() { return back; }
  public void setBack(Part back) { this.back = back; }
  public Part getSelfie() { return selfie; }
  public void setSelfie(Part selfie) { this.selfie = selfie; }
}
