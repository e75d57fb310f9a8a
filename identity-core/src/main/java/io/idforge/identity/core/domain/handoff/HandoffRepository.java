package io.idforge.identity.core.domain.handoff;

import java.util.Optional;

/** Port for hand-off links. */
public interface HandoffRepository {

  void store(Handoff handoff);

  /** Locks the row: two phones opening the same link at once cannot both use it. */
  Optional<Handoff> findByDigestForUpdate(String digest);

  /** The newest hand-off of a process, to show the desktop whether the phone took it. */
  Optional<Handoff> latest(String clientId, String processId);
}
