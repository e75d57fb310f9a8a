package io.idforge.identity.web.incontainer;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Deploys the in-container suite with {@code identity.face.enabled=false}: the WAR as an operator
 * runs it without the face engine (or a build without models). The black-box and browser suites
 * run the same WAR with the engine on.
 */
public class FaceEngineSwitchedOff implements ConfigSource {

  private static final Map<String, String> PROPERTIES = Map.of("identity.face.enabled", "false");

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
    return "in-container-test: face engine off";
  }

  @Override
  public int getOrdinal() {
    return 500;
  }
}
