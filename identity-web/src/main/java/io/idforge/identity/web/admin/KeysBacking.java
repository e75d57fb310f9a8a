package io.idforge.identity.web.admin;

import io.idforge.identity.core.application.IssuedKey;
import io.idforge.identity.core.application.console.ConsoleKeys;
import io.idforge.identity.core.domain.backendkey.BackendKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backend keys of the tenant: create (shown once, on this response only), list, revoke. */
@Named
@RequestScoped
public class KeysBacking {

  @Inject ConsoleContext console;

  @Inject ConsoleKeys keys;

  @Inject AdminMessages messages;

  private String name;
  private String created;
  private List<BackendKey> list;

  public List<BackendKey> getList() {
    if (list == null) {
      list = console.getClientId() == null ? List.of() : keys.list(console.actor());
    }
    return list;
  }

  public void create() {
    messages.attempt(() -> {
      IssuedKey issued = keys.create(console.actor(), name);
      created = issued.token();
      name = null;
      list = null;
    });
  }

  public void revoke(String keyId) {
    if (messages.attempt(() -> keys.revoke(console.actor(), keyId))) {
      list = null;
    }
  }

  public String getCreated() { return created; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
}
