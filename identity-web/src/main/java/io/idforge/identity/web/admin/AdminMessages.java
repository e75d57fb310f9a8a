package io.idforge.identity.web.admin;

import io.idforge.identity.core.domain.shared.IdentityException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the console bundle ({@code adm} in the pages) for messages made in Java. */
@RequestScoped
public class AdminMessages {

  static final String BUNDLE = "io.idforge.identity.web.admin.messages";

  public String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    Locale locale = faces == null || faces.getViewRoot() == null ? Locale.forLanguageTag("es") : faces.getViewRoot().getLocale();
    try {
      return ResourceBundle.getBundle(BUNDLE, locale).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /**
   * Runs a console action; when the service refuses it, shows "Not done: <the service's message>"
   * on the page instead of an error page.
   *
   * @return whether it was done
   */
  public boolean attempt(Runnable action) {
    try {
      action.run();
      return true;
    } catch (IdentityException e) {
      FacesContext.getCurrentInstance().addMessage(null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, text("users.refused") + " " + e.getMessage(), null));
      return false;
    }
  }
}
