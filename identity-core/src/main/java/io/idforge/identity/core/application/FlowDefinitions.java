package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowRepository;
import io.idforge.identity.core.domain.flow.FlowVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The definitions of flow versions, cached: a version never changes once stored, so every process
 * read and expiry need not query and parse it again. Bounded (least recently used out) so a
 * tenant with many flows cannot grow it without limit.
 */
@ApplicationScoped
public class FlowDefinitions {

  static final int MAX_ENTRIES = 10_000;

  @Inject FlowRepository flows;

  private final Map<String, FlowDefinition> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FlowDefinition> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  /** The definition of {@code flowId} at {@code version}; the version must exist. */
  public FlowDefinition of(String flowId, int version) {
    String key = flowId + "#" + version;
    synchronized (cache) {
      FlowDefinition cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    FlowDefinition loaded =
        flows.findVersion(flowId, version)
            .map(FlowVersion::definition)
            .orElseThrow(() -> new IllegalStateException("flow " + flowId + " has no version " + version));
    synchronized (cache) {
      cache.put(key, loaded);
    }
    return loaded;
  }
}
