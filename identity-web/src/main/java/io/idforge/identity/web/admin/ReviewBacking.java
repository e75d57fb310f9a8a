package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.console.ConsoleReviews;
import io.idforge.identity.core.domain.shared.IdentityException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.validation.Validation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One review task ({@code ?id=REV…}): the process's document front and back and the selfie side
 * by side, the engine's details, claim, and the decision (approve, or decline with a catalogued
 * reason) with a note, through {@link ConsoleReviews}. After deciding, the process page shows
 * where the engine took the process.
 */
@Named
@RequestScoped
public class ReviewBacking {

  static final Pattern REVIEW_ID = Pattern.compile("REV[0-9a-f]{32}");

  @Inject ConsoleContext console;

  @Inject ConsoleReviews reviews;

  @Inject AdminMessages messages;

  private String id;
  private ConsoleReviews.ReviewPage page;
  private boolean loaded;
  private String decision = "approved";
  private String reason;
  private String note;

  /** f:viewAction: a foreign or unknown id answers 404. */
  public void load() {
    if (getPage() == null) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  /** Reads the task once per request; a postback carries the id as a plain hidden field (see ProcessDetailBacking). */
  private void ensureLoaded() {
    if (loaded) {
      return;
    }
    loaded = true;
    if (id == null) {
      id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    }
    try {
      if (id != null && REVIEW_ID.matcher(id).matches()) {
        page = reviews.review(console.actor(), id);
      }
    } catch (NotFoundException e) {
      page = null;
    }
  }

  public void claim() throws IOException {
    try {
      reviews.claim(console.actor(), id);
      redirect("/admin/review.xhtml?id=" + id);
    } catch (IdentityException e) {
      refused(e);
    }
  }

  public void decide() throws IOException {
    try {
      boolean approve = "approved".equals(decision);
      reviews.decide(console.actor(), id, approve, approve ? null : reason, note == null || note.isBlank() ? null : note);
      redirect("/admin/process.xhtml?id=" + getPage().task().processId());
    } catch (IdentityException e) {
      refused(e);
    }
  }

  private void refused(IdentityException e) {
    FacesContext.getCurrentInstance().addMessage(null,
        new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text("review.refused") + " " + e.getMessage(), null));
  }

  private static void redirect(String path) throws IOException {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    ext.redirect(ext.getRequestContextPath() + path);
  }

  public ConsoleReviews.ReviewPage getPage() {
    ensureLoaded();
    return page;
  }

  /** The pictures of the reviewed process: document front, back, selfie, in that order. */
  public List<ProcessDetailBacking.Image> getImages() {
    List<ProcessDetailBacking.Image> images = new ArrayList<>();
    if (getPage() == null || page.process() == null) {
      return images;
    }
    String base = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + "/admin/image?process=" + page.task().processId() + "&media=";
    for (Validation v : page.process().validations()) {
      if (v.frontMediaId() != null) {
        images.add(new ProcessDetailBacking.Image("image.front", v.validationId(), base + v.frontMediaId()));
      }
      if (v.reverseMediaId() != null) {
        images.add(new ProcessDetailBacking.Image("image.back", v.validationId(), base + v.reverseMediaId()));
      }
      if (v.faceMediaId() != null) {
        images.add(new ProcessDetailBacking.Image("image.selfie", v.validationId(), base + v.faceMediaId()));
      }
    }
    return images;
  }

  public List<String> getReasons() {
    return getPage() == null ? List.of() : ConsoleReviews.declineReasons(page.task().validationType());
  }

  public boolean isClaimedByMe() {
    return getPage() != null && console.getUsername().equals(page.task().claimedBy());
  }

  public List<CheckItems.Row> checks(Validation v) {
    return CheckItems.of(v.details());
  }

  /** What the face engine measured for {@code v} (similarity, threshold, face sizes, sharpness), or null. */
  public FaceEngineDetail engine(Validation v) {
    return FaceEngineDetail.of(v.details()).orElse(null);
  }

  public String getId() { return id; }
  public void setId(String id) { this.id = id; }
  public String getDecision() { return decision; }
  public void setDecision(String decision) { this.decision = decision; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
}
