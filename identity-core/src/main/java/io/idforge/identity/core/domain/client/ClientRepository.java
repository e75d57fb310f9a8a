package io.idforge.identity.core.domain.client;

import java.util.Optional;

/** Port for storing tenants. */
public interface ClientRepository {

  Optional<Client> find(String clientId);

  void store(Client client);

  long count();
}
