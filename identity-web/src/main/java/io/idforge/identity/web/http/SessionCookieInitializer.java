package io.idforge.identity.web.http;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sets the session cookie's {@code Secure} and {@code SameSite} attributes from configuration
 * before the application starts ({@code web.xml} keeps {@code HttpOnly}). Registered in
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 */
public class SessionCookieInitializer implements ServletContainerInitializer {

  private static final Logger LOG = Logger.getLogger(SessionCookieInitializer.class.getName());

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    TransportSecurity transport = TransportSecurity.from(ConfigProvider.getConfig());
    SessionCookieConfig cookie = context.getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setSecure(transport.secureCookie());
    cookie.setAttribute("SameSite", transport.sameSite());
    payaraSameSite(cookie, transport.sameSite());
    if (TransportSecurity.noneRefusedOverHttp(ConfigProvider.getConfig())) {
      LOG.warning("identity.session.same-site=None needs an https public base URL (browsers refuse SameSite=None"
          + " without Secure): the session cookie stays SameSite=Lax, so the hosted flow works top-level and in"
          + " same-site iframes only");
    }
  }

  /**
   * Payara 6 ignores the Servlet 6 cookie attribute when it writes the session cookie; it reads
   * its own {@code WebSessionCookieConfig.setSameSite}. Called by reflection so that the WAR keeps
   * no compile-time tie to Payara; elsewhere (WildFly, Tomcat) the standard attribute above
   * applies and this finds no such method.
   */
  private static void payaraSameSite(SessionCookieConfig cookie, String sameSite) {
    try {
      Method setter = cookie.getClass().getMethod("setSameSite", String.class);
      setter.invoke(cookie, sameSite);
    } catch (NoSuchMethodException e) {
      // Not Payara: the standard attribute is enough.
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warning(() -> "could not set SameSite=" + sameSite + " on the session cookie: " + e);
    }
  }
}
