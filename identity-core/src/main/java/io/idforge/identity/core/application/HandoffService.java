package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.handoff.Handoff;
import io.idforge.identity.core.domain.handoff.HandoffRepository;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.webtoken.WebToken;
import io.idforge.identity.core.domain.webtoken.WebTokenRepository;
import io.idforge.identity.core.security.Digests;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

/**
 * "Continue on your phone": a desktop browser working on a process asks for a hand-off link (a
 * random 256-bit token, stored only as its SHA-256 digest, for {@link Handoff#TTL}); the phone
 * that opens it once takes over the same web token's session. The link is bound to the process
 * and its web token, so it never reaches another tenant's or user's data, and a revoked token's
 * link opens nothing.
 */
@Stateless
public class HandoffService {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject HandoffRepository handoffs;

  @Inject ProcessRepository processes;

  @Inject WebTokenRepository webTokens;

  @Inject Clock clock;

  /** A fresh link: the token (for the QR code only, never stored) and when it stops working. */
  public record Link(String token, OffsetDateTime expiresAt) {}

  /** What opening a link gave: the phone's caller when {@link Handoff.Use#OK}, else why not. */
  public record Redemption(Handoff.Use use, Caller caller, String processId) {}

  /** What the desktop shows while the phone works: whether the newest link was opened. */
  public record Status(boolean taken, OffsetDateTime expiresAt) {}

  /**
   * A new hand-off link for the web caller's pending process.
   *
   * @throws ConflictException when the process already finished
   */
  public Link start(Caller web) {
    web.requireWeb();
    IdentityProcess process = processes.findByJti(web.jti())
        .filter(p -> p.clientId().equals(web.clientId()))
        .orElseThrow(() -> new NotFoundException("Not found: no process for this link"));
    if (!process.isPending()) {
      throw new ConflictException("This process has already finished");
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Handoff handoff = new Handoff(Digests.sha256Hex(token), web.clientId(), process.processId(), web.jti(), now());
    handoffs.store(handoff);
    return new Link(token, handoff.expiresAt());
  }

  /**
   * Opens a link, once: the first open within its lifetime answers the caller whose session the
   * phone takes over; an unknown token answers empty (a forged or mistyped link).
   */
  public Optional<Redemption> redeem(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    Optional<Handoff> found = handoffs.findByDigestForUpdate(Digests.sha256Hex(token));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Handoff h = found.get();
    Handoff.Use use = h.use(now());
    if (use != Handoff.Use.OK) {
      return Optional.of(new Redemption(use, null, h.processId()));
    }
    WebToken wt = webTokens.find(h.clientId(), h.jti())
        .orElseThrow(() -> new NotFoundException("Not found: the link's token is gone"));
    // A revoked token's process is closed to every browser, the phone's too.
    wt.requireNotRevoked();
    return Optional.of(new Redemption(use, Caller.web(wt.clientId(), wt.keyName(), wt.jti()), h.processId()));
  }

  /** Whether the newest link of the web caller's process was opened, for the desktop's page. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Status> status(Caller web, String processId) {
    web.requireWeb();
    return handoffs.latest(web.clientId(), processId)
        .filter(h -> h.jti().equals(web.jti()))
        .map(h -> new Status(h.isUsed(), h.expiresAt()));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
