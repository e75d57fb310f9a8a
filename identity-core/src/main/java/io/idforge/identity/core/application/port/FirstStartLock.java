package io.idforge.identity.core.application.port;

/**
 * Serialises the work every node does once on an empty database (generating its keys, creating
 * the first console operator) across nodes that start at the same moment: held from {@link #hold}
 * until the caller's transaction ends, so the second node finds what the first one made instead of
 * making its own (two different generated keys would leave each node unable to read the other's
 * tokens, media and cookies).
 */
public interface FirstStartLock {

  /** Waits for and holds the lock until the current transaction commits or rolls back. */
  void hold();
}
