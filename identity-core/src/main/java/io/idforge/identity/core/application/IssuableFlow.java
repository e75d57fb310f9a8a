package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.Flow;

/**
 * The few fields of a {@link Flow} that web token issuance reads: whether it may issue, and the
 * token's lifetime. Immutable, so a cached copy cannot be changed by anyone holding it.
 */
public record IssuableFlow(String clientId, String flowId, boolean enabled, int timeToLiveMinutes) {

  static IssuableFlow of(Flow flow) {
    return new IssuableFlow(flow.clientId(), flow.flowId(), flow.enabled(), flow.timeToLive());
  }
}
