package io.idforge.identity.web.hosted;

import io.idforge.identity.api.common.WireFormats;
import io.idforge.identity.api.reasons.ReasonCatalogue;
import io.idforge.identity.api.reasons.ReasonKind;
import io.idforge.identity.core.application.Caller;
import io.idforge.identity.core.application.FlowScreen;
import io.idforge.identity.core.application.HostedFlowService;
import io.idforge.identity.core.application.steps.DocumentStepHandler;
import io.idforge.identity.core.document.image.ImageFormat;
import io.idforge.identity.core.domain.flow.AllowedDocuments;
import io.idforge.identity.core.engine.StepRules;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.shared.IdentityException;
import io.idforge.identity.core.domain.validation.Validation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Backing bean of {@code flow.xhtml}. The process is the source of truth: every request asks
 * {@link HostedFlowService#open} for the current screen, so a reload, the back button or a second
 * tab shows the step the process is on. Each form is one call of the service followed by a
 * redirect back to the page (post-redirect-get); the notice of that call travels in the sealed
 * state cookie and shows once. The pages are stateless Faces views (any node can take the post). Only application services are called, with the caller kept in
 * {@link HostedSession}.
 */
@Named("flow")
@RequestScoped
public class HostedFlowBacking {

  /** Countries offered when the step does not restrict them. */
  static final List<String> DEFAULT_COUNTRIES =
      List.of("CO", "MX", "PE", "CL", "BR", "AR", "EC", "CR", "PA", "SV", "VE");

  /** Document types offered when the step does not restrict them. */
  static final List<String> DEFAULT_DOCUMENT_TYPES = List.of("national-id", "passport", "foreign-id", "driver-license");

  /** Seconds between two looks at a running check. */
  static final int CHECKING_REFRESH_SECONDS = 2;

  /**
   * Seconds before the finished page sends the user on to the tenant's redirect URL: long enough to
   * read the outcome, and the page offers "stay on this page" (WCAG 2.2.1, timing adjustable).
   */
  static final int REDIRECT_SECONDS = 30;

  /** The country a language's speakers most likely hold a document of, when the token has none. */
  static final java.util.Map<String, String> LANGUAGE_COUNTRY = java.util.Map.of("es", "CO", "pt", "BR");

  private static final Pattern CODE = Pattern.compile("\\d{6}");

  /** The declined reason of a refused data authorization. */
  static final String REFUSED = "data_authorization_not_provided";

  /** Notices that are good news or information, not a problem. */
  private static final Set<String> INFO_NOTICES = Set.of(HostedFlowService.CODE_SENT);

  @Inject HostedFlowService hosted;

  @Inject HostedSession session;

  private Caller caller;
  private FlowScreen screen;
  private String notice;
  private Locale locale;
  private ResourceBundle texts;
  /** The link worked once but the process or token is gone now (revoked, expired). */
  private boolean linkGone;
  /** The user asked to stay on the finished page: no automatic redirect. */
  private boolean stay;

  private String destination;
  private String code;
  private String country;
  private String documentType;
  private String cancelReason;
  private boolean authorized;
  private String styleNonce;
  private Part front;
  private Part back;
  private Part selfie;
  private List<Part> frames;
  private List<String> livenessActions;

  @PostConstruct
  void load() {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    session.chooseLanguage(ext.getRequestParameterMap().get("lang"));
    List<Locale> accepted = new ArrayList<>();
    if (ext.getRequestHeaderMap().get("Accept-Language") != null) {
      // Without the header the container answers its own default locale: ours is Spanish.
      ext.getRequestLocales().forEachRemaining(accepted::add);
    }
    locale = session.locale(accepted);
    texts = ResourceBundle.getBundle(HostedPages.BUNDLE, locale);
    stay = "1".equals(ext.getRequestParameterMap().get("stay"));
    caller = session.caller().orElse(null);
    if (caller == null) {
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      // The action runs in a transaction of its own; the form only needs the stored screen.
      screen = hosted.peek(caller).orElse(null);
      return;
    }
    try {
      loadScreen(ext);
    } finally {
      brand(ext);
    }
  }

  /** A branded flow: its colour by a nonce'd style, its logo's origin allowed as an image. */
  private void brand(ExternalContext ext) {
    if (screen == null || (getBrandColor() == null && getLogoUrl() == null)) {
      return;
    }
    byte[] random = new byte[16];
    new java.security.SecureRandom().nextBytes(random);
    styleNonce = java.util.Base64.getEncoder().encodeToString(random);
    String origin = null;
    if (getLogoUrl() != null) {
      java.net.URI logo = java.net.URI.create(getLogoUrl());
      origin = "https://" + logo.getRawAuthority();
    }
    ((jakarta.servlet.http.HttpServletResponse) ext.getResponse())
        .setHeader("Content-Security-Policy", HostedPages.policy(styleNonce, origin, session.frames()));
  }

  private void loadScreen(ExternalContext ext) {
    notice = session.takeNotice().orElse(null);
    try {
      screen = hosted.open(caller, ((HttpServletRequest) ext.getRequest()).getRemoteAddr());
    } catch (RuntimeException e) {
      if (HostedEntryServlet.unwrap(e) == null) {
        throw e;
      }
      // The token's process is gone or the token was refused: the link no longer works.
      screen = null;
      linkGone = true;
    }
    if (screen != null && (screen.finished() || isInReview() || isChecking())) {
      // The outcome, the review or the checking panel says it all.
      notice = null;
    } else if (notice == null && screen != null && screen.validation() != null) {
      // After a reload the last failed attempt still explains why the user is asked again.
      Validation v = screen.validation();
      if (v.awaitingInput() && v.lastReason() != null) {
        notice = v.lastReason();
      }
    }
  }

  // --- actions ---------------------------------------------------------------------------------

  public String sendCode() {
    return act(() -> {
      String typed = null;
      if (screen.presetDestination() == null) {
        boolean phone = screen.step().type() == StepType.PHONE_VERIFICATION;
        String raw = destination == null ? "" : destination.trim();
        typed = (phone ? WireFormats.e164(raw) : WireFormats.email(raw)).orElse(null);
        if (typed == null) {
          return phone ? "invalid_phone" : "invalid_email";
        }
      }
      return hosted.sendCode(caller, typed, locale.getLanguage()).notice();
    });
  }

  public String submitCode() {
    return act(() -> {
      String typed = code == null ? "" : code.replaceAll("\\s", "");
      if (!CODE.matcher(typed).matches()) {
        return "invalid_code_format"; // uses no retry: it cannot be anyone's code
      }
      return hosted.submitCode(caller, typed).notice();
    });
  }

  public String submitDocument() {
    return act(() -> {
      if (tooLarge(front) || tooLarge(back)) {
        return "file_too_large";
      }
      if (empty(front)) {
        return "file_required"; // a field error: it costs no attempt
      }
      // A document type without a back (passport) ignores one sent anyway (engine rule too).
      byte[] backBytes = DocumentStepHandler.needsNoReverse(documentType) ? null : bytes(back);
      return hosted.submitDocument(caller, country, documentType, bytes(front),
          backBytes == null || backBytes.length == 0 ? null : backBytes).notice();
    });
  }

  public String submitSelfie() {
    return act(() -> {
      if (tooLarge(selfie)) {
        return "file_too_large";
      }
      if (empty(selfie)) {
        return "file_required"; // a field error: it costs no attempt
      }
      return hosted.submitSelfie(caller, bytes(selfie)).notice();
    });
  }

  /**
   * A recorded liveness burst (liveness.js fills the multiple file input with the frames in
   * capture order; one multipart post). The server checks the count; a wrong one uses no attempt.
   */
  public String submitBurst() {
    return act(() -> {
      if (frames == null || frames.isEmpty()) {
        return "file_required";
      }
      List<byte[]> burst = new ArrayList<>();
      for (Part p : frames) {
        if (tooLarge(p)) {
          return "file_too_large";
        }
        burst.add(bytes(p));
      }
      return hosted.submitBurst(caller, burst).notice();
    });
  }

  /**
   * The actions the current face step asks for, in order (chosen and stored by the server on the
   * first view of the attempt); empty when the step asks for no liveness.
   */
  public List<String> getLivenessActions() {
    if (livenessActions == null) {
      livenessActions = caller == null || screen == null || !"face-recognition".equals(getStepType())
          ? List.of()
          : hosted.livenessChallenge(caller);
    }
    return livenessActions;
  }

  /** The actions as the page's data attribute (comma-joined wire names). */
  public String getLivenessActionList() {
    return String.join(",", getLivenessActions());
  }

  /** What a single selfie gets on this liveness step: {@code manual_review} or {@code decline}. */
  public String getLivenessFallback() {
    return screen == null || screen.step() == null ? "manual_review" : screen.step().config().liveness().fallback();
  }

  /** Welcome screen: the user authorizes the use of their data (the box must be checked). */
  public String acceptConsent() {
    return act(() -> {
      if (!authorized) {
        return "authorization_required"; // a field error: nothing is recorded
      }
      return hosted.consent(caller, true, getLanguage(), remoteAddress(), userAgent()).notice();
    });
  }

  /** Welcome screen: the user does not authorize; the process ends declined. */
  public String refuseConsent() {
    return act(() -> hosted.consent(caller, false, getLanguage(), remoteAddress(), userAgent()).notice());
  }

  private static String remoteAddress() {
    return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
  }

  private static String userAgent() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestHeaderMap().get("User-Agent");
  }

  public String cancel() {
    return act(() -> {
      if (cancelReason == null || !getCancelReasons().contains(cancelReason)) {
        return "request_refused";
      }
      return hosted.cancel(caller, cancelReason).notice();
    });
  }

  private String act(Action action) {
    if (caller == null || screen == null) {
      return null; // the page shows "open your link again"
    }
    String result;
    try {
      result = action.run();
    } catch (IOException e) {
      result = "upload_failed";
    } catch (RuntimeException e) {
      IdentityException refused = HostedEntryServlet.unwrap(e);
      if (refused == null) {
        throw e;
      }
      // A refusal by the engine (step already done in another tab, document type not accepted):
      // the page shows the current state with a short notice.
      result = "request_refused";
    }
    session.notice(result);
    return "flow?faces-redirect=true&process_id=" + screen.process().process().processId();
  }

  @FunctionalInterface
  interface Action {
    String run() throws IOException;
  }

  private static boolean empty(Part part) {
    return part == null || part.getSize() == 0;
  }

  private static boolean tooLarge(Part part) {
    return part != null && part.getSize() > HostedFlowService.MAX_UPLOAD_BYTES;
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

  /** The hidden field's value on every hosted form ({@link HostedSession#FORM_TOKEN_FIELD}). */
  public String getFormToken() {
    return session.formToken();
  }

  /** The hidden field's name. */
  public String getFormTokenField() {
    return HostedSession.FORM_TOKEN_FIELD;
  }

  /** False when this browser has no process (no link opened, session over) or it is gone. */
  public boolean isLinked() {
    return caller != null && screen != null;
  }

  public Locale getLocale() {
    return locale;
  }

  public String getLanguage() {
    return locale.getLanguage();
  }

  public List<String> getLanguages() {
    return HostedSession.LANGUAGES;
  }

  public String getProcessId() {
    return screen == null ? null : screen.process().process().processId();
  }

  /** The wire name of the current step, or {@code finished}. */
  public String getStepType() {
    return screen == null || screen.finished() || screen.step() == null ? "finished" : screen.step().type().wireValue();
  }

  public boolean isFinished() {
    return screen != null && screen.finished();
  }

  public int getStepNumber() {
    return screen.finished() ? screen.stepCount() : screen.stepNumber();
  }

  /**
   * Steps completed, for the progress bar: on step n of m, n - 1 are done; the bar is full only
   * once the process succeeded (a failed process shows the steps it passed).
   */
  public int getStepsDone() {
    if (screen.finished() && screen.process().process().status() == ProcessStatus.SUCCESS) {
      return screen.stepCount();
    }
    return Math.min(screen.stepCount(), screen.process().process().currentStepIndex());
  }

  /** True when the link worked but its process or token is gone (revoked, expired). */
  public boolean isLinkGone() {
    return linkGone;
  }

  /**
   * The user withdrew (canceled, or refused the data authorization): the outcome is shown
   * neutrally, not as a failure.
   */
  public boolean isCanceled() {
    IdentityProcess p = screen == null ? null : screen.process().process();
    return p != null && p.status() == ProcessStatus.FAILURE && p.failureStatus() == FailureStatus.DECLINED
        && ("canceled".equals(p.declinedReason()) || REFUSED.equals(p.declinedReason()));
  }

  /** The title of a withdrawal: canceled, or no authorization given. */
  public String getWithdrawalTitle() {
    return text(REFUSED.equals(screen.process().process().declinedReason()) ? "done.refused" : "done.canceled", null);
  }

  /** The welcome screen asks for the data authorization before the first step. */
  public boolean isConsentNeeded() {
    return screen != null && screen.consentNeeded();
  }

  /** The flow's validated {@code #rrggbb}, or null for the default colour. */
  public String getBrandColor() {
    return screen == null ? null : screen.process().flow().primaryColor();
  }

  public String getStyleNonce() {
    return styleNonce;
  }

  public String getLogoUrl() {
    return screen == null ? null : screen.process().flow().logoUrl();
  }

  /** The tenant's name on the flow, or null. */
  public String getBrandName() {
    return screen == null ? null : screen.process().flow().displayName();
  }

  public String getSupportContact() {
    return screen == null ? null : screen.process().flow().supportContact();
  }

  /** The tenant's name as the flow gives it, else "the company that sent you the link". */
  public String getDisplayName() {
    String name = screen == null ? null : screen.process().flow().displayName();
    return name != null ? name : text("consent.company", null);
  }

  public String getPrivacyNoticeUrl() {
    return screen == null ? null : screen.process().flow().privacyNoticeUrl();
  }

  /** What the flow will ask, in the user's words, step by step. */
  public List<String> getConsentSteps() {
    List<String> out = new ArrayList<>();
    screen.process().flow().steps().forEach(st -> out.add(text("consent.do." + st.type().wireValue(), null)));
    return out;
  }

  /** Whether the finished page sends the user on by itself (not after "stay on this page"). */
  public boolean isAutoRedirect() {
    return isFinished() && !stay;
  }

  public boolean isStay() {
    return stay;
  }
  public int getStepCount() {
    return screen.stepCount();
  }

  public String getNotice() {
    return notice;
  }

  public String getNoticeText() {
    return notice == null ? null : text("reason." + notice, "reason.unknown");
  }

  /** {@code info} for good news (a code was sent), else {@code problem}. */
  public String getNoticeKind() {
    return notice != null && INFO_NOTICES.contains(notice) ? "info" : "problem";
  }

  /**
   * Whether the notice cost an attempt: the step's last failure, with the step still waiting for
   * input. Then the page says how many attempts are left.
   */
  public boolean isShowAttemptsLeft() {
    Validation v = screen == null ? null : screen.validation();
    return v != null && notice != null && v.awaitingInput() && notice.equals(v.lastReason());
  }

  /**
   * Attempts the user still has on this step. {@code remaining_retries} counts the further
   * failures allowed before the step is declined, so one more attempt than that is possible.
   */
  public int getAttemptsLeft() {
    Validation v = screen == null ? null : screen.validation();
    return v == null ? 0 : v.remainingRetries() + 1;
  }

  public boolean isInReview() {
    return screen != null && screen.validation() != null && screen.validation().inReview();
  }

  /** A check of the step's input is running: the page waits for its verdict. */
  public boolean isChecking() {
    return screen != null && screen.validation() != null && screen.validation().isChecking();
  }

  /** The {@code content} of the checking page's meta refresh: look again in two seconds. */
  public String getCheckingRefresh() {
    return CHECKING_REFRESH_SECONDS + ";url=flow.xhtml?process_id=" + getProcessId();
  }

  public boolean isCodeSent() {
    return screen != null && screen.validation() != null && screen.validation().challenge().isPresent();
  }

  public boolean isPhoneStep() {
    return screen != null && screen.step() != null && screen.step().type() == StepType.PHONE_VERIFICATION;
  }

  /** Where the last code went, masked. */
  public String getMaskedSentTo() {
    return mask(sentTo());
  }

  private String sentTo() {
    Validation v = screen == null ? null : screen.validation();
    return v == null ? null : v.challenge().map(c -> c.destination()).orElse(null);
  }

  /** A preset destination, masked: the user sees where the code goes without the whole value. */
  public String getMaskedDestination() {
    return mask(screen == null ? null : screen.presetDestination());
  }

  static String mask(String d) {
    if (d == null || d.isEmpty()) {
      return null;
    }
    int at = d.indexOf('@');
    if (at >= 0) {
      String local = d.substring(0, at);
      return (local.isEmpty() ? "" : local.substring(0, 1)) + "•••" + d.substring(at);
    }
    if (d.length() <= 6) {
      return "•".repeat(d.length());
    }
    return d.substring(0, 3) + "•".repeat(d.length() - 7) + d.substring(d.length() - 4);
  }

  public boolean isSucceeded() {
    return screen != null && screen.process().process().status() == ProcessStatus.SUCCESS;
  }

  /** Why a finished process failed, in the user's words. */
  public String getOutcomeDetail() {
    IdentityProcess p = screen.process().process();
    if (p.status() != ProcessStatus.FAILURE) {
      return null;
    }
    if (p.failureStatus() == FailureStatus.EXPIRED) {
      return text("done.expired", "reason.unknown");
    }
    if (p.failureStatus() == FailureStatus.SYSTEM_ERROR) {
      return text("reason.system_error", "reason.unknown");
    }
    if (p.declinedReason() == null) {
      return null;
    }
    if (REFUSED.equals(p.declinedReason())) {
      return text("reason." + REFUSED, "reason.unknown") + " " + text("done.what-to-do", "reason.unknown");
    }
    if ("canceled".equals(p.declinedReason())) {
      return text("done.canceled.detail", "reason.unknown");
    }
    if (StepRules.MAX_RETRIES_REACHED.equals(p.declinedReason())) {
      // Say what went wrong on the last attempt, then what to do.
      String last = screen.process().validations().stream()
          .filter(v -> StepRules.MAX_RETRIES_REACHED.equals(v.declinedReason()) && v.lastReason() != null)
          .map(Validation::lastReason).findFirst().orElse(null);
      String why = last == null ? "" : " " + text("reason." + last, "reason.unknown");
      return text("reason.max_retries_reached", "reason.unknown") + why + " " + text("done.what-to-do", "reason.unknown");
    }
    return text("reason." + p.declinedReason(), "reason.unknown");
  }

  public String getOutcomeCode() {
    IdentityProcess p = screen.process().process();
    return p.status() == ProcessStatus.FAILURE && p.failureStatus() == FailureStatus.DECLINED
        ? p.declinedReason()
        : p.failureStatus() == null ? p.status().wireValue() : p.failureStatus().wireValue();
  }

  /**
   * The user has done every step and only a person's review is left (the review of the last
   * step): the page offers the way back to the tenant, and an embedding page hears
   * {@code truora.steps.completed}.
   */
  public boolean isStepsCompleted() {
    return isInReview() && screen.stepNumber() == screen.stepCount();
  }

  /**
   * The event an embedding page hears when the user leaves this page for the tenant's redirect
   * URL ("Continue", or the automatic redirect), as Truora's iframe sends it; null when the user
   * is not done.
   */
  public String getFrameEvent() {
    if (isFinished()) {
      return isSucceeded() ? FrameEvents.PROCESS_SUCCEEDED : FrameEvents.PROCESS_FAILED;
    }
    return isStepsCompleted() ? FrameEvents.STEPS_COMPLETED : null;
  }

  /** The message posted to the embedding page ({@link FrameEvents#message}). */
  public String getFrameMessage() {
    String event = getFrameEvent();
    return event == null ? null : FrameEvents.message(event, getProcessId(), session.sdkEvents());
  }

  /** The origins the events may be posted to (the flow's frame ancestors), space-separated. */
  public String getFrameOrigins() {
    return String.join(" ", session.frames().origins());
  }

  /** Whether the page carries the events' script: an embeddable flow, and the user is done. */
  public boolean isFrameEvents() {
    return session.frames().embeddable() && getFrameEvent() != null;
  }

  /** Where the user goes when done: the tenant's redirect URL with the process id appended. */
  public String getRedirectTarget() {
    IdentityProcess p = screen.process().process();
    return p.redirectUrl() + (p.redirectUrl().contains("?") ? "&" : "?") + "process_id="
        + URLEncoder.encode(p.processId(), StandardCharsets.UTF_8);
  }

  /** The {@code content} of the finished page's meta refresh. */
  public String getRefresh() {
    return REDIRECT_SECONDS + ";url=" + getRedirectTarget();
  }

  /** The finished page again, without the automatic redirect. */
  public String getStayUrl() {
    return "flow.xhtml?process_id=" + URLEncoder.encode(getProcessId(), StandardCharsets.UTF_8) + "&stay=1";
  }

  public int getRedirectSeconds() {
    return REDIRECT_SECONDS;
  }

  /**
   * The country preselected: the one the token named, else the language's (Spanish: Colombia,
   * Portuguese: Brazil), when the flow accepts it; else the first offered.
   */
  String defaultCountry() {
    List<SelectItem> offered = getCountries();
    Set<String> values = new LinkedHashSet<>();
    offered.forEach(i -> values.add((String) i.getValue()));
    String token = screen == null ? null : screen.process().process().country();
    if (token != null && values.contains(token.toUpperCase(Locale.ROOT))) {
      return token.toUpperCase(Locale.ROOT);
    }
    String byLanguage = LANGUAGE_COUNTRY.get(getLanguage());
    if (byLanguage != null && values.contains(byLanguage)) {
      return byLanguage;
    }
    return values.isEmpty() ? null : values.iterator().next();
  }

  /** Whether the back of the document can be needed: not when the flow accepts only passports. */
  public boolean isBackAsked() {
    for (SelectItem i : getDocumentTypes()) {
      if (!DocumentStepHandler.needsNoReverse((String) i.getValue())) {
        return true;
      }
    }
    return false;
  }

  public List<SelectItem> getCountries() {
    Set<String> countries = new LinkedHashSet<>();
    for (AllowedDocuments a : allowed()) {
      if ("ALL".equals(a.country())) {
        countries.addAll(DEFAULT_COUNTRIES);
      } else {
        countries.add(a.country());
      }
    }
    return items(countries.isEmpty() ? DEFAULT_COUNTRIES : countries, "country.");
  }

  public List<SelectItem> getDocumentTypes() {
    Set<String> types = new LinkedHashSet<>();
    for (AllowedDocuments a : allowed()) {
      types.addAll(a.documentTypes().isEmpty() ? DEFAULT_DOCUMENT_TYPES : a.documentTypes());
    }
    return items(types.isEmpty() ? DEFAULT_DOCUMENT_TYPES : types, "doctype.");
  }

  private List<AllowedDocuments> allowed() {
    return screen == null || screen.step() == null ? List.of() : screen.step().config().allowedDocuments();
  }

  /** The cancel reasons a user can pick: the catalogue's {@code canceled} rows. */
  public List<String> getCancelReasons() {
    List<String> reasons = new ArrayList<>(ReasonCatalogue.standard().codes(ReasonKind.CANCELED));
    // The generic choices go last.
    for (String generic : List.of("other_reason", "other")) {
      if (reasons.remove(generic)) {
        reasons.add(generic);
      }
    }
    return reasons;
  }

  public List<SelectItem> getCancelReasonItems() {
    return items(getCancelReasons(), "reason.");
  }

  private List<SelectItem> items(Iterable<String> codes, String prefix) {
    List<SelectItem> out = new ArrayList<>();
    for (String c : codes) {
      out.add(new SelectItem(c, text(prefix + c, null)));
    }
    return out;
  }

  /** A text of the bundle; a missing key falls back to {@code fallbackKey}, or the key's tail. */
  String text(String key, String fallbackKey) {
    try {
      return texts.getString(key);
    } catch (MissingResourceException e) {
      return fallbackKey != null ? texts.getString(fallbackKey) : key.substring(key.indexOf('.') + 1);
    }
  }

  // --- form fields -----------------------------------------------------------------------------

  /** What the user typed, else where the last code went (so "send again" needs no retyping). */
  public String getDestination() { return destination != null ? destination : sentTo(); }
  public void setDestination(String destination) { this.destination = destination; }
  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public String getCountry() { return country != null ? country : defaultCountry(); }
  public void setCountry(String country) { this.country = country; }
  public String getDocumentType() { return documentType; }
  public void setDocumentType(String documentType) { this.documentType = documentType; }
  public String getCancelReason() { return cancelReason; }
  public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
  public boolean isAuthorized() { return authorized; }
  public void setAuthorized(boolean authorized) { this.authorized = authorized; }
  public Part getFront() { return front; }
  public void setFront(Part front) { this.front = front; }
  public Part getBack() { return back; }
  public void setBack(Part back) { this.back = back; }
  public Part getSelfie() { return selfie; }
  public List<Part> getFrames() { return frames; }
  public void setFrames(List<Part> frames) { this.frames = frames; }
  public void setSelfie(Part selfie) { this.selfie = selfie; }
}
