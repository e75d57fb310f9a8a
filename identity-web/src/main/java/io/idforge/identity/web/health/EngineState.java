package io.idforge.identity.web.health;

import java.util.Locale;

/** How an optional engine stands, as the health checks report it. */
enum EngineState {
  /** Installed and answering. */
  ON,
  /**
   * Installed and still loading its models in the background after start-up: UP, because a request
   * that needs the engine waits for the load instead of being answered without it.
   */
  LOADING,
  /** Switched off by configuration, or not installed on purpose: its work waits for review. */
  OFF,
  /** Configured on but not working: a broken deployment. */
  FAILED;

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
