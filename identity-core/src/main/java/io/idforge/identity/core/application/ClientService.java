package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.client.Client;
import io.idforge.identity.core.domain.client.ClientRepository;
import io.idforge.identity.core.domain.flow.FlowDefinition;
import io.idforge.identity.core.domain.flow.FlowStep;
import io.idforge.identity.core.domain.flow.StepConfig;
import io.idforge.identity.core.domain.flow.StepType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Tenants: provisioning (with a first backend key) and the demo tenant of an empty database. */
@Stateless
public class ClientService {

  /** A new tenant with its first backend key, shown once. */
  public record ProvisionedClient(Client client, IssuedKey backendKey) {}

  /** The demo tenant, its backend key and demo flow, created on first start. */
  public record DemoTenant(ProvisionedClient tenant, String flowId) {}

  @Inject ClientRepository clients;

  @Inject ApiKeyService apiKeys;

  @Inject FlowService flows;

  @Inject Clock clock;

  public ProvisionedClient provision(String name, String keyName) {
    Client client = new Client(name, OffsetDateTime.now(clock));
    clients.store(client);
    return new ProvisionedClient(client, apiKeys.issueBackendKey(client.clientId(), keyName, keyName));
  }

  /** Creates the demo tenant when the database has no tenant at all; empty otherwise. */
  public Optional<DemoTenant> bootstrapDemoIfEmpty() {
    if (clients.count() > 0) {
      return Optional.empty();
    }
    ProvisionedClient tenant = provision("Demo tenant", "demo-backend");
    FlowDefinition demo =
        new FlowDefinition(
            "Demo: email, document and face",
            true,
            FlowDefinition.DEFAULT_TTL_MINUTES,
            List.of(
                new FlowStep(null, StepType.EMAIL_VERIFICATION, StepConfig.defaults()),
                new FlowStep(null, StepType.DOCUMENT_VALIDATION, StepConfig.defaults()),
                new FlowStep(null, StepType.FACE_RECOGNITION, StepConfig.defaults())));
    String flowId = flows.create(tenant.client().clientId(), demo).flow().flowId();
    return Optional.of(new DemoTenant(tenant, flowId));
  }
}
