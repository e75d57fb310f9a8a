package io.idforge.identity.web.incontainer;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Configuration of {@link ReviewInContainerIT}'s deployment: the face engine off (selfies wait in
 * review), and time compressed so the grace rule plays out in seconds: a 2 s grace period and the
 * expiry job every second.
 */
public class ReviewTestConfig implements ConfigSource {

  private static final Map<String, String> PROPERTIES =
      Map.of(
          "identity.face.enabled", "false",
          "identity.checks.grace", "PT2S",
          "identity.jobs.expire-processes.interval", "PT1S");

  @Override
  public Set<String> getPropertyNames() {
    return PROPERTIES.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return PROPERTIES.get(propertyName);
  }

  @Override
  public String getName() {
    return "in-container-test: review suite";
  }

  @Override
  public int getOrdinal() {
    return 500;
  }
}
