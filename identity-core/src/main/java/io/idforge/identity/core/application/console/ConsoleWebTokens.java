package io.idforge.identity.core.application.console;

import io.idforge.identity.core.application.ApiKeyService;
import io.idforge.identity.core.domain.audit.AuditRecord;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.webtoken.WebToken;
import io.idforge.identity.core.domain.webtoken.WebTokenRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The web integration tokens a tenant issued, for admins and operators: listed by their id
 * ({@code jti}), account, flow and dates, never the token itself (it is not stored), and revoked
 * through {@link ApiKeyService#revoke}, the service behind {@code DELETE /v1/api-keys/{id}}, so a
 * revoke here ends the user's access exactly as one through the API does. Each revoke is audited.
 */
@Stateless
public class ConsoleWebTokens {

  /** Tokens listed at once, newest first. */
  static final int LIMIT = 200;

  @Inject ApiKeyService keys;

  @Inject AuditTrail audit;

  @Inject WebTokenRepository webTokens;

  @Inject Clock clock;

  /** Where a token stands. */
  public enum TokenStatus {
    /** Not opened yet and still valid. */
    ACTIVE,
    /** Opened: its process exists (it may still be resumed until it expires). */
    USED,
    REVOKED,
    EXPIRED;

    public String wireValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A token and its status now. */
  public record Row(WebToken token, TokenStatus status) {
    public boolean revocable() {
      return status != TokenStatus.REVOKED && status != TokenStatus.EXPIRED;
    }
  }

  public List<Row> list(ConsoleActor actor) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    OffsetDateTime now = OffsetDateTime.now(clock);
    return keys.listWebTokens(actor.tenantCaller(), null, LIMIT).items().stream()
        .map(t -> new Row(t, status(t, now)))
        .toList();
  }

  /** Revokes one of the tenant's tokens; another tenant's id is not found (404), a second revoke is a conflict. */
  public void revoke(ConsoleActor actor, String jti) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    String clientId = actor.tenantCaller().clientId();
    // The API's revoke also takes backend key ids; this page revokes web tokens only.
    webTokens.find(clientId, jti == null ? "" : jti).orElseThrow(() -> new NotFoundException("Resource not found"));
    keys.revoke(actor.tenantCaller(), jti);
    audit.append(new AuditRecord(actor.username(), clientId, actor.sourceIp(), "web_token_revoked", jti,
        "before: not revoked; after: revoked"));
  }

  static TokenStatus status(WebToken t, OffsetDateTime now) {
    if (t.isRevoked()) {
      return TokenStatus.REVOKED;
    }
    if (t.isExpired(now)) {
      return TokenStatus.EXPIRED;
    }
    return t.processId() != null ? TokenStatus.USED : TokenStatus.ACTIVE;
  }
}
