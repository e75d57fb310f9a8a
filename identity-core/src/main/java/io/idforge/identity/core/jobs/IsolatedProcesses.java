package io.idforge.identity.core.jobs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Surrogate ids of processes that failed to expire on their own (a poison row): the sweep leaves
 * them out of its batches, so one broken process does not roll back a batch on every tick; the
 * one-by-one path skips them too and the warning logged then names them. Bounded: the oldest is
 * forgotten first (and simply tried again).
 */
final class IsolatedProcesses {

  static final int MAX = 500;

  private final Set<Long> ids = new LinkedHashSet<>();

  synchronized void add(long id) {
    ids.add(id);
    if (ids.size() > MAX) {
      ids.remove(ids.iterator().next());
    }
  }

  synchronized boolean contains(long id) {
    return ids.contains(id);
  }

  /** A snapshot, for the claim query's exclusion list. */
  synchronized List<Long> ids() {
    return List.copyOf(ids);
  }
}
