package io.idforge.identity.core.application.console;

import io.idforge.identity.core.application.ClientService;
import io.idforge.identity.core.application.ClientService.ProvisionedClient;
import io.idforge.identity.core.domain.audit.AuditRecord;
import io.idforge.identity.core.domain.client.Client;
import io.idforge.identity.core.domain.client.ClientRepository;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.console.ConsoleUser;
import io.idforge.identity.core.domain.console.ConsoleUserRepository;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Tenants for the operator (the only role across tenants): the list with each tenant's admins, and
 * a new tenant with its first backend key (shown once) and its first admin's one-time invitation
 * link, created together in one transaction and audited.
 */
@Stateless
public class ConsoleTenants {

  static final int MAX_NAME = 100;

  @Inject ClientRepository clients;

  @Inject ConsoleUserRepository users;

  @Inject ClientService clientService;

  @Inject ConsoleUserService consoleUsers;

  @Inject AuditTrail audit;

  /** A tenant and the names of its admins. */
  public record TenantRow(Client client, List<String> admins) {
    public TenantRow {
      admins = List.copyOf(admins);
    }

    public String adminsText() {
      return admins.isEmpty() ? "—" : String.join(", ", admins);
    }
  }

  /** What a new tenant starts with; the key and the link are shown once. */
  public record NewTenant(String clientId, String name, String backendKey, SetupLink adminInvite) {}

  public List<TenantRow> list(ConsoleActor actor) {
    actor.require(ConsoleRole.OPERATOR);
    return clients.all().stream()
        .sorted(Comparator.comparing(Client::createdAt).reversed())
        .map(c -> new TenantRow(c, users.listByClient(c.clientId()).stream()
            .filter(u -> u.roles().contains(ConsoleRole.ADMIN))
            .map(ConsoleUser::username)
            .toList()))
        .toList();
  }

  public NewTenant create(ConsoleActor actor, String name, String adminUsername) {
    actor.require(ConsoleRole.OPERATOR);
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException("Invalid request: the tenant name needs 1 to " + MAX_NAME + " characters");
    }
    ProvisionedClient created = clientService.provision(trimmed, "backend");
    String clientId = created.client().clientId();
    audit.append(new AuditRecord(actor.username(), clientId, actor.sourceIp(), "tenant_created", clientId,
        "before: none; after: tenant with backend key " + created.backendKey().keyId()));
    // The invitation is the users page's own, as the operator looking at the new tenant; it checks
    // the name and audits. A refused name rolls the whole tenant back.
    ConsoleActor inNewTenant = new ConsoleActor(actor.username(), clientId, actor.roles(), actor.sourceIp());
    SetupLink invite = consoleUsers.invite(inNewTenant, adminUsername, EnumSet.of(ConsoleRole.ADMIN));
    return new NewTenant(clientId, trimmed, created.backendKey().token(), invite);
  }
}
