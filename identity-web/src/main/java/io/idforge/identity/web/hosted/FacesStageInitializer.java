package io.idforge.identity.web.hosted;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sets the Faces project stage from configuration ({@code identity.faces.project-stage}, default
 * {@code Production}) before Faces starts, so {@code web.xml} needs no edit per environment.
 * Registered in {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 */
public class FacesStageInitializer implements ServletContainerInitializer {

  static final String KEY = "identity.faces.project-stage";

  static final Set<String> STAGES = Set.of("Development", "UnitTest", "SystemTest", "Production");

  private static final Logger LOG = Logger.getLogger(FacesStageInitializer.class.getName());

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    String configured = ConfigProvider.getConfig().getOptionalValue(KEY, String.class).map(String::trim).orElse("Production");
    String stage = STAGES.contains(configured) ? configured : "Production";
    if (!stage.equals(configured)) {
      LOG.warning(() -> KEY + "=" + configured + " is not a Faces project stage " + STAGES + "; using Production");
    }
    if (!context.setInitParameter("jakarta.faces.PROJECT_STAGE", stage)) {
      LOG.warning(() -> "jakarta.faces.PROJECT_STAGE is already set to " + context.getInitParameter("jakarta.faces.PROJECT_STAGE")
          + "; " + KEY + " is ignored");
    }
    if (!"Production".equals(stage)) {
      LOG.warning(() -> "Faces project stage " + stage + ": error details may reach users; use Production in production");
    }
  }
}
