package io.idforge.identity.web.admin;

import jakarta.enterprise.context.RequestScoped;
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
}
