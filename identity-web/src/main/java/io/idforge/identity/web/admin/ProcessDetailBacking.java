package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.console.ConsoleProcesses;
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
 * from the event log. Another tenant's id answers 404 like an unknown one.
 */
@Named
@RequestScoped
public class ProcessDetailBacking {

  static final Pattern PROCESS_ID = Pattern.compile("IDP[0-9a-f]{32}");

  @Inject ConsoleContext console;

  @Inject ConsoleProcesses processes;

  private String id;
  private ConsoleProcesses.Detail detail;

  /** An image to show: label key, the validation, and its URL. */
  public record Image(String label, String validationId, String url) {}

  /** f:viewAction. */
  public void load() {
    try {
      if (id != null && PROCESS_ID.matcher(id).matches()) {
        detail = processes.detail(console.actor(), id);
      }
    } catch (NotFoundException e) {
      detail = null;
    }
    if (detail == null) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  public ConsoleProcesses.Detail getDetail() {
    return detail;
  }

  /** Reviewers, admins and operators see the pictures; auditors do not. */
  public List<Image> getImages() {
    List<Image> images = new ArrayList<>();
    if (detail == null || !console.isReviewer()) {
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

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
