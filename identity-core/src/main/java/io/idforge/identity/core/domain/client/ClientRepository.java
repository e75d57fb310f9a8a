package io.idforge.identity.core.domain.client;

import java.util.List;
import java.util.Optional;

/** Port for storing tenants. */
public interface ClientRepository {

  Optional<Client> find(String clientId);

  void store(Client client);

  /** Every tenant (the retention job walks them; tenants are few). */
  List<Client> all();

  long count();
}
