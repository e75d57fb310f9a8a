package io.idforge.identity.core.privacy;

import io.idforge.identity.core.application.port.PersonalDataStore;
import io.idforge.identity.core.domain.client.Client;
import io.idforge.identity.core.domain.client.ClientRepository;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retention: how long a tenant keeps the personal data of finished processes
 * ({@code identity.retention.default}, or the tenant's own period), which processes are due at a
 * given instant, and the purge of one of them. Every method takes its instant from the caller, so
 * the job and the tests decide what "now" is.
 */
@Stateless
public class RetentionService {

  /** A process due for the purge. */
  public record Due(String clientId, String processId) {}

  @Inject ClientRepository clients;

  @Inject ProcessRepository processes;

  @Inject PersonalDataStore store;

  @Inject Redactions redactions;

  @Inject
  @ConfigProperty(name = "identity.retention.default", defaultValue = "P180D")
  Duration defaultRetention;

  public Duration retentionOf(Client client) {
    return client.retention().orElse(defaultRetention);
  }

  /** Sets a tenant's retention period; null returns it to the default. */
  public Duration changeRetention(String clientId, Duration period) {
    Client client = clients.find(clientId).orElseThrow(() -> new NotFoundException("Resource not found"));
    client.changeRetention(period);
    return retentionOf(client);
  }

  /** Processes whose retention is over at {@code now}, at most {@code limit} per tenant. */
  public List<Due> due(OffsetDateTime now, int limit) {
    List<Due> due = new ArrayList<>();
    for (Client c : clients.all()) {
      for (String processId : store.findPurgeable(c.clientId(), now.minus(retentionOf(c)), limit)) {
        due.add(new Due(c.clientId(), processId));
      }
    }
    return due;
  }

  /**
   * Purges one process in its own transaction, checking again under the row lock that it is
   * finished, not redacted and past its tenant's retention at {@code now}.
   *
   * @return true when it was redacted now
   */
  public boolean purge(Due due, OffsetDateTime now) {
    Optional<Client> client = clients.find(due.clientId());
    Optional<IdentityProcess> found = processes.find(due.clientId(), due.processId());
    if (client.isEmpty() || found.isEmpty()) {
      return false;
    }
    IdentityProcess p = processes.lock(found.get().id()).orElse(null);
    if (p == null || p.isPending() || p.isRedacted() || !p.updatedAt().isBefore(now.minus(retentionOf(client.get())))) {
      return false;
    }
    return redactions.redact(p, "system", now);
  }
}
