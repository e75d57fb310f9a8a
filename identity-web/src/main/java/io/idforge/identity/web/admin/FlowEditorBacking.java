package io.idforge.identity.web.admin;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.flows.AllowedDocumentTypes;
import io.idforge.identity.api.flows.FlowRequest;
import io.idforge.identity.api.flows.FlowStepRequest;
import io.idforge.identity.api.flows.StepConfigRequest;
import io.idforge.identity.core.application.FlowService.FlowView;
import io.idforge.identity.core.application.console.ConsoleFlows;
import io.idforge.identity.core.domain.flow.AllowedDocuments;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.shared.IdentityException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.web.rest.flows.FlowMapper;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The flow form ({@code flow-edit.xhtml}, {@code ?id=IPF…} to edit, none to create): flow fields,
 * the steps in order (add, remove, move up and down without script: each is a form post that keeps
 * what was typed) and each step's config. Saving builds the API's {@link FlowRequest} and runs its
 * {@link FlowRequest#validate()}, so the rules are exactly those of {@code /v1/flows}; the first
 * broken rule is shown next to its field. A save makes a new version through {@link ConsoleFlows},
 * refused if the flow changed since the form was loaded.
 */
@Named
@ViewScoped
public class FlowEditorBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ConsoleContext console;

  @Inject ConsoleFlows flows;

  @Inject AdminMessages messages;

  private String id;
  private int loadedVersion;
  private boolean initialized;
  private String name;
  private String timeToLive;
  private String status = "enabled";
  private String privacyNoticeUrl;
  private String displayName;
  private String logoUrl;
  private String primaryColor;
  private String supportContact;
  /**
   * The iframe allowlist ({@code allowed_frame_ancestors}) as typed: one origin per line (commas and
   * spaces also separate); the API's {@code FrameAncestorOrigins} checks each entry.
   */
  private String frameAncestors;
  private String newStepType = "document-validation";
  private final List<StepRow> steps = new ArrayList<>();

  /** One step of the form; blank fields are left out of the request (the API's defaults apply). */
  public static final class StepRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String type;
    private String allowedRetries;
    private String timeout;
    private String faceThreshold;
    private String manualReview;
    private String minimumAge;
    private String manualReviewTimeout;
    private String documentTypes;
    private String livenessType;
    private String livenessFallback;

    StepRow(String type) {
      this.type = type;
    }

    public boolean isFace() { return "face-recognition".equals(type); }
    public boolean isDocument() { return "document-validation".equals(type); }
    public boolean isFiles() { return isFace() || isDocument(); }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getAllowedRetries() { return allowedRetries; }
    public void setAllowedRetries(String v) { this.allowedRetries = v; }
    public String getTimeout() { return timeout; }
    public void setTimeout(String v) { this.timeout = v; }
    public String getFaceThreshold() { return faceThreshold; }
    public void setFaceThreshold(String v) { this.faceThreshold = v; }
    public String getManualReview() { return manualReview; }
    public void setManualReview(String v) { this.manualReview = v; }
    public String getMinimumAge() { return minimumAge; }
    public void setMinimumAge(String v) { this.minimumAge = v; }
    public String getManualReviewTimeout() { return manualReviewTimeout; }
    public void setManualReviewTimeout(String v) { this.manualReviewTimeout = v; }
    public String getDocumentTypes() { return documentTypes; }
    public void setDocumentTypes(String v) { this.documentTypes = v; }
    public String getLivenessType() { return livenessType; }
    public void setLivenessType(String v) { this.livenessType = v; }
    public String getLivenessFallback() { return livenessFallback; }
    public void setLivenessFallback(String v) { this.livenessFallback = v; }
  }

  /** f:viewAction: fills the form from the flow's current version (once per view). */
  public void load() {
    if (initialized) {
      return;
    }
    initialized = true;
    if (id == null || id.isBlank()) {
      steps.add(new StepRow("document-validation"));
      return;
    }
    try {
      FlowView view = flows.get(console.actor(), id.trim());
      fill(view);
    } catch (NotFoundException e) {
      id = null;
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
      FacesContext.getCurrentInstance().addMessage(null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text("flows.notFound"), null));
    }
  }

  private void fill(FlowView view) {
    FlowDefinition d = view.version().definition();
    id = view.flow().flowId();
    loadedVersion = view.flow().flowVersion();
    name = d.name();
    timeToLive = Integer.toString(d.timeToLiveMinutes());
    status = d.enabled() ? "enabled" : "disabled";
    privacyNoticeUrl = d.privacyNoticeUrl();
    displayName = d.displayName();
    logoUrl = d.logoUrl();
    primaryColor = d.primaryColor();
    supportContact = d.supportContact();
    frameAncestors = d.allowedFrameAncestors() == null ? null : String.join("\n", d.allowedFrameAncestors());
    steps.clear();
    for (FlowStep s : d.steps()) {
      StepRow row = new StepRow(s.type().wireValue());
      StepConfig c = s.config();
      row.allowedRetries = Integer.toString(c.allowedRetries());
      row.timeout = Integer.toString(c.timeoutSeconds());
      if (s.type() == StepType.FACE_RECOGNITION) {
        row.faceThreshold = Double.toString(c.faceThreshold());
        if (c.liveness().active()) {
          row.livenessType = c.liveness().type();
          row.livenessFallback = c.liveness().fallback();
        }
      }
      if (s.type().takesFiles()) {
        row.manualReview = c.manualReview();
        row.minimumAge = c.minimumAge() == null ? null : Integer.toString(c.minimumAge());
        row.manualReviewTimeout = Integer.toString(c.reviewTimeoutSeconds());
      }
      if (s.type() == StepType.DOCUMENT_VALIDATION && !c.allowedDocuments().isEmpty()) {
        row.documentTypes = formatDocuments(c.allowedDocuments());
      }
      steps.add(row);
    }
  }

  // --- step list without script ----------------------------------------------------------------

  public void addStep() {
    steps.add(new StepRow(newStepType));
  }

  public void remove(int index) {
    if (index >= 0 && index < steps.size()) {
      steps.remove(index);
    }
  }

  public void moveUp(int index) {
    if (index > 0 && index < steps.size()) {
      steps.add(index - 1, steps.remove(index));
    }
  }

  public void moveDown(int index) {
    if (index >= 0 && index < steps.size() - 1) {
      steps.add(index + 1, steps.remove(index));
    }
  }

  // --- save --------------------------------------------------------------------------------------

  public void save() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    FlowRequest request;
    try {
      request = toRequest();
      request.validate();
    } catch (InvalidInputException e) {
      faces.addMessage(FlowFormFields.clientId(e.field()), new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      return;
    }
    try {
      FlowDefinition definition = FlowMapper.toDefinition(request);
      FlowView saved = id == null ? flows.create(console.actor(), definition)
          : flows.update(console.actor(), id, loadedVersion, definition);
      ExternalContext ext = faces.getExternalContext();
      ext.getFlash().setKeepMessages(true);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
          messages.text("flows.saved") + " " + saved.flow().flowVersion(), null));
      ext.redirect(ext.getRequestContextPath() + "/admin/flow.xhtml?id=" + saved.flow().flowId());
    } catch (IdentityException | IllegalArgumentException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text("users.refused") + " " + e.getMessage(), null));
    }
  }

  /** The API request the form stands for; a number field that is not a number is refused like the API's JSON. */
  FlowRequest toRequest() {
    List<FlowStepRequest> requested = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      StepRow r = steps.get(i);
      String path = "steps[" + i + "].config.";
      StepConfigRequest config = new StepConfigRequest(
          integer(path + "allowed_retries", r.allowedRetries),
          r.isFace() ? decimal(path + "face_threshold", r.faceThreshold) : null,
          r.isDocument() ? documents(path + "allowed_document_types", r.documentTypes) : null,
          r.isFiles() ? blank(r.manualReview) : null,
          r.isFiles() ? integer(path + "minimum_age", r.minimumAge) : null,
          integer(path + "timeout", r.timeout),
          r.isFiles() ? integer(path + "manual_review_timeout", r.manualReviewTimeout) : null,
          r.isFace() ? blank(r.livenessType) : null,
          r.isFace() ? blank(r.livenessFallback) : null);
      requested.add(new FlowStepRequest(blank(r.type), config));
    }
    return new FlowRequest(name, integer("time_to_live", timeToLive), blank(status), requested,
        blank(privacyNoticeUrl), blank(displayName), blank(logoUrl), blank(primaryColor), blank(supportContact),
        origins(frameAncestors));
  }

  /** The allowlist box → the API's list; empty → absent (no embedding allowed). */
  static List<String> origins(String typed) {
    String v = blank(typed);
    if (v == null) {
      return null;
    }
    List<String> out = Arrays.stream(v.split("[\\s,]+")).filter(o -> !o.isEmpty()).toList();
    return out.isEmpty() ? null : out;
  }

  static Integer integer(String field, String value) {
    String v = blank(value);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, field + " must be an integer");
    }
  }

  static Double decimal(String field, String value) {
    String v = blank(value);
    if (v == null) {
      return null;
    }
    try {
      return Double.valueOf(v.replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, field + " must be a number");
    }
  }

  /** {@code CO: national-id, passport; ALL: passport} → the API's list (the API checks the codes). */
  static List<AllowedDocumentTypes> documents(String field, String value) {
    String v = blank(value);
    if (v == null) {
      return null;
    }
    List<AllowedDocumentTypes> entries = new ArrayList<>();
    for (String entry : v.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon < 0) {
        throw new InvalidInputException(field, field + " must read COUNTRY: type, type; COUNTRY: type");
      }
      List<String> types = Arrays.stream(entry.substring(colon + 1).split(",")).map(String::trim)
          .filter(t -> !t.isEmpty()).toList();
      entries.add(new AllowedDocumentTypes(entry.substring(0, colon).trim().toUpperCase(Locale.ROOT), types));
    }
    return entries;
  }

  static String formatDocuments(List<AllowedDocuments> allowed) {
    return String.join("; ", allowed.stream().map(a -> a.country() + ": " + String.join(", ", a.documentTypes())).toList());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public List<String> getStepTypes() {
    return Arrays.stream(StepType.values()).map(StepType::wireValue).toList();
  }

  public List<String> getManualReviewValues() {
    return FlowRequest.MANUAL_REVIEW_VALUES;
  }

  public List<String> getLivenessTypes() {
    return FlowRequest.LIVENESS_TYPES;
  }

  public List<String> getLivenessFallbacks() {
    return FlowRequest.LIVENESS_FALLBACKS;
  }

  public String getFrameAncestors() { return frameAncestors; }
  public void setFrameAncestors(String v) { this.frameAncestors = v; }

  public List<StepRow> getSteps() { return steps; }
  public String getId() { return id; }
  public void setId(String id) { if (!initialized) { this.id = id; } }
  public int getLoadedVersion() { return loadedVersion; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getTimeToLive() { return timeToLive; }
  public void setTimeToLive(String v) { this.timeToLive = v; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public String getPrivacyNoticeUrl() { return privacyNoticeUrl; }
  public void setPrivacyNoticeUrl(String v) { this.privacyNoticeUrl = v; }
  public String getDisplayName() { return displayName; }
  public void setDisplayName(String v) { this.displayName = v; }
  public String getLogoUrl() { return logoUrl; }
  public void setLogoUrl(String v) { this.logoUrl = v; }
  public String getPrimaryColor() { return primaryColor; }
  public void setPrimaryColor(String v) { this.primaryColor = v; }
  public String getSupportContact() { return supportContact; }
  public void setSupportContact(String v) { this.supportContact = v; }
  public String getNewStepType() { return newStepType; }
  public void setNewStepType(String v) { this.newStepType = v; }
}
