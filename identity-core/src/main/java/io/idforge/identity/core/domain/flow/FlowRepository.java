package io.idforge.identity.core.domain.flow;

import java.util.List;
import java.util.Optional;

/** Port for flows and their versions. */
public interface FlowRepository {

  Optional<Flow> find(String clientId, String flowId);

  Optional<FlowVersion> findVersion(String flowId, int flowVersion);

  List<Flow> list(String clientId, long beforeId, int limit);

  void store(Flow flow);

  void store(FlowVersion version);
}
