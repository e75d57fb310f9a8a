package io.idforge.identity.core.application.console;

import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.application.IssuedKey;
import io.idforge.identity.core.domain.audit.AuditRecord;
import io.idforge.identity.core.domain.backendkey.BackendKey;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tenant's backend keys in the console (admins, operators): list, create (the key is returned
 * once, only its digest is kept) and revoke, through {@link ApiKeyService}; each change audited.
 */
@Stateless
public class ConsoleKeys {

  static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  /** Keys listed at once. */
  static final int LIMIT = 200;

  @Inject ApiKeyService keys;

  @Inject AuditTrail audit;

  public List<BackendKey> list(ConsoleActor actor) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    return keys.listBackendKeys(actor.tenantCaller(), null, LIMIT).items();
  }

  public IssuedKey create(ConsoleActor actor, String name) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    if (name == null || !KEY_NAME.matcher(name.trim()).matches()) {
      throw new InvalidRequestException("Invalid request: key name must match [A-Za-z0-9_.-]{1,100}");
    }
    String clientId = actor.tenantCaller().clientId();
    IssuedKey issued = keys.issueBackendKey(clientId, name.trim(), actor.username());
    audit.append(new AuditRecord(actor.username(), clientId, actor.sourceIp(), "key_created", issued.keyId(),
        "before: none; after: backend key " + name.trim()));
    return issued;
  }

  public void revoke(ConsoleActor actor, String keyId) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    keys.revoke(actor.tenantCaller(), keyId);
    audit.append(new AuditRecord(actor.username(), actor.clientId(), actor.sourceIp(), "key_revoked", keyId,
        "before: active; after: revoked"));
  }
}
