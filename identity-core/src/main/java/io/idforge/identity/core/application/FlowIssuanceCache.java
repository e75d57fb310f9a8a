package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.FlowChanged;
import io.idforge.identity.core.domain.flow.FlowRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Flows as web token issuance needs them ({@link IssuableFlow}), remembered per node for a few
 * seconds ({@code identity.web-tokens.flow-cache}, default {@code PT5S}; {@code PT0S} turns it
 * off): the flow lookup was one SQL statement per token (bench/STEPS.md).
 *
 * <p>Keyed by tenant and flow id, so a tenant is never answered with another's flow. Only flows
 * that exist are kept (a flow created a moment ago is usable at once). A change on this node drops
 * the entry when the change is made and again when its transaction ends, and a lookup that began
 * before a drop does not store what it read (it may have read the row before the change
 * committed): a disabled flow issues no token on this node from then on. Other nodes see the
 * change when their entry expires, within the cache time.
 */
@ApplicationScoped
public class FlowIssuanceCache {

  /** A bound on memory: many distinct flows only empty the cache. */
  static final int MAX_ENTRIES = 10_000;

  private record Key(String clientId, String flowId) {}

  private record Entry(IssuableFlow flow, long expiresAtMillis) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  /** Bumped by every drop: a lookup that started under an older generation stores nothing. */
  private final AtomicLong generation = new AtomicLong();

  private Clock clock;

  private Duration ttl;

  /** For CDI. */
  protected FlowIssuanceCache() {}

  @Inject
  public FlowIssuanceCache(
      Clock clock, @ConfigProperty(name = "identity.web-tokens.flow-cache", defaultValue = "PT5S") Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  /** The tenant's flow with this id, from the cache or else from {@code flows}; empty when it has none. */
  public Optional<IssuableFlow> find(String clientId, String flowId, FlowRepository flows) {
    Key key = new Key(clientId, flowId);
    long now = nowMillis();
    Entry e = entries.get(key);
    if (e != null && e.expiresAtMillis() > now) {
      return Optional.of(e.flow());
    }
    long startedUnder = generation.get();
    Optional<IssuableFlow> read = flows.find(clientId, flowId).map(IssuableFlow::of);
    if (read.isPresent() && !ttl.isZero() && !ttl.isNegative()) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      Entry fresh = new Entry(read.get(), now + ttl.toMillis());
      entries.put(key, fresh);
      // A drop since the read began: whichever ran second removes the entry.
      if (generation.get() != startedUnder) {
        entries.remove(key, fresh);
      }
    }
    return read;
  }

  /** Drops the flow on this node. */
  public void changed(String clientId, String flowId) {
    generation.incrementAndGet();
    entries.remove(new Key(clientId, flowId));
  }

  /** Drops the flow when the change is made, inside the changing transaction. */
  void onChanging(@Observes FlowChanged change) {
    changed(change.clientId(), change.flowId());
  }

  /** Drops it again once the change committed or rolled back: a lookup in between may have read the old row. */
  void onChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) FlowChanged change) {
    changed(change.clientId(), change.flowId());
  }

  /** Not {@code clock.millis()}: on JDK 17 that divides by zero for the application's microsecond tick clock. */
  private long nowMillis() {
    return clock.instant().toEpochMilli();
  }
}
