package io.idforge.identity.core.domain.webtoken;

import java.util.List;
import java.util.Optional;

/** Port for issued web tokens. */
public interface WebTokenRepository {

  Optional<WebToken> findByJti(String jti);

  Optional<WebToken> find(String clientId, String jti);

  /**
   * The tenant's token with its row locked (pessimistic write), so a revoke waits for an open in
   * progress (which holds the same lock) instead of failing its version check.
   */
  Optional<WebToken> findForUpdate(String clientId, String jti);

  /** Locks the row (pessimistic write) so two first opens of one token cannot both start a process. */
  Optional<WebToken> findByJtiForUpdate(String jti);

  List<WebToken> list(String clientId, long beforeId, int limit);

  void store(WebToken token);
}
