package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.TestData;
import io.idforge.identity.core.domain.account.Account;
import io.idforge.identity.core.domain.account.AccountRepository;
import io.idforge.identity.core.domain.flow.Flow;
import io.idforge.identity.core.domain.flow.FlowChanged;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowRepository;
import io.idforge.identity.core.domain.flow.FlowVersion;
import io.idforge.identity.core.domain.flow.StepType;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.webtoken.WebToken;
import io.idforge.identity.core.fixtures.MovableClock;
import io.idforge.identity.core.fixtures.WriteOnlyWebTokens;
import io.idforge.identity.core.security.JwtCodec;
import io.idforge.identity.core.security.SigningKeyRing;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Web token issuance ({@link WebTokenIssuance}): the work per token (repository calls, each one SQL
 * statement in production) and the flow cache's staleness rules, on in-memory stores.
 */
class WebTokenIssuanceTest {

  static final Instant START = Instant.parse("2027-03-01T12:00:00Z");

  private final MovableClock clock = new MovableClock(START);
  private final CountingFlows flows = new CountingFlows();
  private final CountingAccounts accounts = new CountingAccounts();
  private final WriteOnlyWebTokens tokens = new WriteOnlyWebTokens();
  private final List<WebToken> stored = tokens.stored;
  private final WebTokenIssuance service = new WebTokenIssuance();
  private FlowIssuanceCache cache;
  private Flow flow;
  private final Caller backend = Caller.backend("TCI1", "backend-1");

  @BeforeEach
  void setUp() {
    SigningKeyRing ring = new SigningKeyRing("k1", Map.of("k1", "0123456789abcdef0123456789abcdef".getBytes()));
    cache = new FlowIssuanceCache(clock, Duration.ofSeconds(5));
    service.jwt = new JwtCodec(() -> ring, "https://identity.test", clock);
    service.clock = clock;
    service.flows = flows;
    service.flowCache = cache;
    service.accounts = accounts;
    service.webTokens = tokens;
    flow = new Flow("TCI1", definition(true, 30), OffsetDateTime.ofInstant(START, ZoneOffset.UTC));
    flows.add(flow);
  }

  @Test
  void aTokenForANewAccountCostsOneAccountStatementAndTheFlowIsReadOncePerCacheTime() {
    for (int i = 0; i < 3; i++) {
      service.issue(backend, request(flow.flowId(), "acc-" + i));
    }
    assertEquals(1, flows.lookups, "the flow is read once, then served from the cache");
    assertEquals(3, accounts.ensures, "one ensure per token");
    assertEquals(0, accounts.finds + accounts.stores, "no select-then-insert");
    assertEquals(Set.of("TCI1/acc-0", "TCI1/acc-1", "TCI1/acc-2"), accounts.existing);
    assertEquals(3, stored.size());
    assertEquals("acc-2", stored.get(2).accountId());
    assertEquals(stored.get(2).issuedAt().plusMinutes(30), stored.get(2).expiresAt());

    clock.advance(Duration.ofSeconds(5));
    service.issue(backend, request(flow.flowId(), "acc-0"));
    assertEquals(2, flows.lookups, "read again once the cache time is over");
    assertEquals(4, accounts.ensures);
    assertEquals(3, accounts.existing.size(), "an existing account is left as it is");
  }

  @Test
  void withoutAnAccountIdANewAccAccountIsCreated() {
    service.issue(backend, request(flow.flowId(), null));
    assertEquals(1, accounts.existing.size());
    assertTrue(stored.get(0).accountId().startsWith("ACC"), stored.get(0).accountId());
    assertEquals("TCI1/" + stored.get(0).accountId(), accounts.existing.iterator().next());
  }

  @Test
  void aFlowDisabledOnThisNodeIssuesNoMoreTokensAtOnce() {
    service.issue(backend, request(flow.flowId(), "acc-1"));
    flow.apply(definition(false, 30), OffsetDateTime.ofInstant(START, ZoneOffset.UTC));
    // What FlowService's event does inside the changing transaction.
    cache.onChanging(new FlowChanged("TCI1", flow.flowId()));
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> service.issue(backend, request(flow.flowId(), "acc-2")));
    assertEquals("Invalid request: flow_id names a disabled flow", e.getMessage());
    assertEquals(1, stored.size());
  }

  @Test
  void aLookupThatReadTheRowBeforeTheChangeCommittedIsNotKept() {
    // The lookup reads the old (enabled) row; the change is made and its drop runs before the
    // lookup stores what it read.
    flows.duringNextLookup = () -> {
      flow.apply(definition(false, 30), OffsetDateTime.ofInstant(START, ZoneOffset.UTC));
      cache.onChanged(new FlowChanged("TCI1", flow.flowId()));
    };
    flows.staleCopy = new Flow("TCI1", definition(true, 30), OffsetDateTime.ofInstant(START, ZoneOffset.UTC));
    assertTrue(cache.find("TCI1", flow.flowId(), flows).orElseThrow().enabled(), "the stale read itself");
    assertThrows(InvalidRequestException.class, () -> service.issue(backend, request(flow.flowId(), "acc-1")));
    assertEquals(2, flows.lookups, "the stale read was not cached");
  }

  @Test
  void anotherTenantsFlowIdIsUnknownEvenWhenCached() {
    service.issue(backend, request(flow.flowId(), "acc-1"));
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> service.issue(Caller.backend("TCI2", "other"), request(flow.flowId(), "acc-1")));
    assertEquals("Invalid request: flow_id does not name a flow of this client", e.getMessage());
    assertEquals(Set.of("TCI1/acc-1"), accounts.existing, "nothing written for the refused token");
  }

  @Test
  void anUnknownFlowIsNotRemembered() {
    assertThrows(InvalidRequestException.class, () -> service.issue(backend, request("IPFnone", "acc-1")));
    assertThrows(InvalidRequestException.class, () -> service.issue(backend, request("IPFnone", "acc-1")));
    assertEquals(2, flows.lookups);
    assertEquals(0, accounts.ensures);
  }

  private static WebTokenRequest request(String flowId, String accountId) {
    return new WebTokenRequest(
        "web", "digital-identity", 1, "CO", "https://example.com/done", flowId, accountId, null, null, null, null, null);
  }

  private static FlowDefinition definition(boolean enabled, int ttlMinutes) {
    return new FlowDefinition("kyc", enabled, ttlMinutes, List.of(TestData.step(StepType.DOCUMENT_VALIDATION)), null, null, null, null, null, List.of());
  }

  /** Flows by tenant and id; counts lookups (one SQL statement each in production). */
  static final class CountingFlows implements FlowRepository {
    final Map<String, Flow> byKey = new HashMap<>();
    int lookups;
    Runnable duringNextLookup;
    Flow staleCopy;

    void add(Flow f) {
      byKey.put(f.clientId() + "/" + f.flowId(), f);
    }

    @Override
    public Optional<Flow> find(String clientId, String flowId) {
      lookups++;
      Flow found = byKey.get(clientId + "/" + flowId);
      if (duringNextLookup != null) {
        Runnable r = duringNextLookup;
        duringNextLookup = null;
        r.run();
        return Optional.ofNullable(staleCopy);
      }
      return Optional.ofNullable(found);
    }

    @Override
    public Optional<FlowVersion> findVersion(String flowId, int flowVersion) {
      return Optional.empty();
    }

    @Override
    public List<Flow> list(String clientId, long beforeId, int limit) {
      return List.of();
    }

    @Override
    public void store(Flow f) {
      add(f);
    }

    @Override
    public void store(FlowVersion version) {}
  }

  /** Accounts as "tenant/id"; counts each kind of call. */
  static final class CountingAccounts implements AccountRepository {
    final Set<String> existing = new LinkedHashSet<>();
    int finds;
    int stores;
    int ensures;

    @Override
    public Optional<Account> find(String clientId, String accountId) {
      finds++;
      return Optional.empty();
    }

    @Override
    public List<Account> list(String clientId, long beforeId, int limit) {
      return List.of();
    }

    @Override
    public void store(Account account) {
      stores++;
      existing.add(account.clientId() + "/" + account.accountId());
    }

    @Override
    public void ensureExists(String clientId, String accountId, OffsetDateTime now) {
      ensures++;
      existing.add(clientId + "/" + accountId);
    }
  }
}
