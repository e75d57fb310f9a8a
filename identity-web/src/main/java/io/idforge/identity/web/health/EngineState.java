package io.idforge.identity.web.health;

import java.util.Locale;

/** How an optional engine stands, as the health checks report it. */
enum EngineState {
  /** Installed and answering. */
  ON,
  /** Switched off by configuration, or not installed on purpose: its work waits for review. */
  OFF,
  /** Configured on but not working: a broken deployment. */
  FAILED;

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
