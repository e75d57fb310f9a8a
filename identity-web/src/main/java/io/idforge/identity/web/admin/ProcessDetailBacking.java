package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.console.ConsoleProcesses;
import io.idforge.identity.core.application.console.ConsoleReviews;
import io.idforge.identity.core.application.console.ConsoleWebhooks;
import io.idforge.identity.core.domain.webhook.WebhookDelivery;
import io.idforge.identity.core.domain.shared.IdentityException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import java.io.IOException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.validation.Validation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A process addressed by its public id ({@code ?id=IDP…}): status, start metadata, validations
 * with their check details, the images (through {@link ImageServlet}, audited) and the timeline
 * from the event log, and the webhook deliveries of its events. Another tenant's id answers 404 like an unknown one.
 */
@Named
@RequestScoped
public class ProcessDetailBacking {

  static final Pattern PROCESS_ID = Pattern.compile("IDP[0-9a-f]{32}");

  @Inject ConsoleContext console;

  @Inject ConsoleProcesses processes;

  @Inject ConsoleReviews reviews;

  @Inject ConsoleWebhooks webhooks;

  @Inject AdminMessages messages;

  private String id;
  private ConsoleProcesses.Detail detail;
  private List<WebhookDelivery> deliveries;
  private boolean loaded;
  private String overrideStatus;
  private String overrideReason;
  private String overrideNote;

  /** An image to show: label key, the validation, and its URL. */
  public record Image(String label, String validationId, String url) {}

  /** f:viewAction: a foreign or unknown id answers 404. */
  public void load() {
    if (getDetail() == null) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  /**
   * Reads the process once per request. A postback carries the id as a plain hidden field, because
   * the forms' {@code rendered} checks run before view parameters reach the bean.
   */
  private void ensureLoaded() {
    if (loaded) {
      return;
    }
    loaded = true;
    if (id == null) {
      id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    }
    try {
      if (id != null && PROCESS_ID.matcher(id).matches()) {
        detail = processes.detail(console.actor(), id);
      }
    } catch (NotFoundException e) {
      detail = null;
    }
  }

  /** Truora's "modify status" of a finished process (admins, operators), audited. */
  public void override() throws IOException {
    try {
      reviews.override(console.actor(), id, overrideStatus, overrideReason,
          overrideNote == null || overrideNote.isBlank() ? null : overrideNote);
      ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
      ext.redirect(ext.getRequestContextPath() + "/admin/process.xhtml?id=" + id);
    } catch (IdentityException e) {
      FacesContext.getCurrentInstance().addMessage(null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text("review.refused") + " " + e.getMessage(), null));
    }
  }

  /** Every override reason; the service checks it fits the chosen status. */
  public List<String> getOverrideReasons() {
    List<String> all = new ArrayList<>(ConsoleReviews.overrideReasons("success"));
    for (String r : ConsoleReviews.overrideReasons("failure")) {
      if (!all.contains(r)) {
        all.add(r);
      }
    }
    return all;
  }

  public boolean isOverridable() {
    return getDetail() != null && console.isAdmin() && !detail.view().process().isPending();
  }

  public String getOverrideStatus() { return overrideStatus; }
  public void setOverrideStatus(String overrideStatus) { this.overrideStatus = overrideStatus; }
  public String getOverrideReason() { return overrideReason; }
  public void setOverrideReason(String overrideReason) { this.overrideReason = overrideReason; }
  public String getOverrideNote() { return overrideNote; }
  public void setOverrideNote(String overrideNote) { this.overrideNote = overrideNote; }

  public ConsoleProcesses.Detail getDetail() {
    ensureLoaded();
    return detail;
  }

  /** Reviewers, admins and operators see the pictures; auditors do not. */
  public List<Image> getImages() {
    List<Image> images = new ArrayList<>();
    if (getDetail() == null || !console.isReviewer()) {
      return images;
    }
    String base = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/admin/image?process=" + id + "&media=";
    for (Validation v : detail.view().validations()) {
      add(images, "image.front", v, v.frontMediaId(), base);
      add(images, "image.back", v, v.reverseMediaId(), base);
      add(images, "image.selfie", v, v.faceMediaId(), base);
    }
    return images;
  }

  private static void add(List<Image> images, String label, Validation v, String mediaId, String base) {
    if (mediaId != null) {
      images.add(new Image(label, v.validationId(), base + mediaId));
    }
  }

  /** The webhook deliveries of this process's events, oldest first. */
  public List<WebhookDelivery> getDeliveries() {
    if (deliveries == null) {
      deliveries = getDetail() == null ? List.of() : webhooks.ofTimeline(console.actor(), detail.timeline());
    }
    return deliveries;
  }

  /** The check items of a validation, for the table under it. */
  public List<CheckItems.Row> checks(Validation v) {
    return CheckItems.of(v.details());
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
