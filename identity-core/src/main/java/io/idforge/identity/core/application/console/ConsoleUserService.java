package io.idforge.identity.core.application.console;

import io.idforge.identity.core.application.port.FirstStartLock;
import io.idforge.identity.core.domain.audit.AuditRecord;
import io.idforge.identity.core.domain.client.ClientRepository;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.console.ConsoleUser;
import io.idforge.identity.core.domain.console.ConsoleUserRepository;
import io.idforge.identity.core.domain.shared.ConflictException;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.security.Digests;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Console users: the first operator, invitations by one-time link, password choice, sign-in with
 * lock-out, roles and disabling. Passwords are hashed with Jakarta Security's PBKDF2 (HMAC-SHA256,
 * 100,000 iterations) and never logged; link tokens are stored as SHA-256 digests.
 */
@Stateless
public class ConsoleUserService {

  public static final String OPERATOR_NAME = "operator";
  static final Pattern USERNAME = Pattern.compile("[a-z0-9_.@+-]{3,100}");
  static final int MIN_PASSWORD = 12;
  static final Duration LINK_TTL = Duration.ofHours(48);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ConsoleUserRepository users;

  @Inject ClientRepository clients;

  @Inject AuditTrail audit;

  @Inject Pbkdf2PasswordHash hasher;

  @Inject Clock clock;

  @Inject FirstStartLock firstStart;

  /** Compared against when the name is unknown, so a wrong name costs as much time as a wrong password. */
  private String dummyHash;

  @PostConstruct
  void init() {
    hasher.initialize(Map.of("Pbkdf2PasswordHash.Iterations", "100000",
        "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256"));
    dummyHash = hasher.generate("not a password of anyone".toCharArray());
  }

  /**
   * On an empty console: the operator with the configured PBKDF2 hash, else an operator waiting
   * for a password with a one-time link (returned to be printed once). Nothing once any user exists.
   */
  public Optional<SetupLink> bootstrapOperator(Optional<String> configuredHash) {
    if (users.count() > 0) {
      return Optional.empty();
    }
    // Nodes starting together: one makes the operator, the others then find it.
    firstStart.hold();
    if (users.count() > 0) {
      return Optional.empty();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (configuredHash.isPresent() && !configuredHash.get().isBlank()) {
      ConsoleUser op = new ConsoleUser(null, OPERATOR_NAME, EnumSet.of(ConsoleRole.OPERATOR), null, null, now);
      op.choosePassword(configuredHash.get().trim(), now);
      users.store(op);
      audit.append(new AuditRecord("system", null, null, "user_created", OPERATOR_NAME, "operator from configuration"));
      return Optional.empty();
    }
    String token = newToken();
    users.store(new ConsoleUser(null, OPERATOR_NAME, EnumSet.of(ConsoleRole.OPERATOR), Digests.sha256Hex(token),
        now.plus(LINK_TTL), now));
    audit.append(new AuditRecord("system", null, null, "user_created", OPERATOR_NAME, "operator awaiting setup link"));
    return Optional.of(new SetupLink(OPERATOR_NAME, token));
  }

  /** The user a still-valid one-time link is for (the setup page shows the name). */
  public Optional<String> setupUser(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    return users.findBySetupDigest(Digests.sha256Hex(token)).filter(u -> u.setupLinkValid(now)).map(ConsoleUser::username);
  }

  /** Sets the password through a one-time link and spends it. */
  public void choosePassword(String token, char[] password, String sourceIp) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    ConsoleUser user = users.findBySetupDigest(Digests.sha256Hex(token == null ? "" : token))
        .filter(u -> u.setupLinkValid(now))
        .orElseThrow(() -> new NotFoundException("Resource not found"));
    if (password == null || password.length < MIN_PASSWORD) {
      throw new InvalidRequestException("Invalid request: the password needs at least " + MIN_PASSWORD + " characters");
    }
    user.choosePassword(hasher.generate(password), now);
    audit.append(new AuditRecord(user.username(), user.clientId(), sourceIp, "password_set", user.username(), "one-time link used"));
  }

  /**
   * Checks a password. Every attempt is audited; the fifth failure in a row locks the account for
   * 15 minutes, and while locked even the right password is refused.
   */
  public SignInResult signIn(String username, char[] password, String sourceIp) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    Optional<ConsoleUser> found = USERNAME.matcher(name).matches() ? users.findByUsernameForUpdate(name) : Optional.empty();
    if (found.isEmpty() || found.get().passwordHash() == null || !found.get().enabled()) {
      hasher.verify(password, dummyHash);
      audit.append(new AuditRecord(safeName(name), null, sourceIp, "sign_in_failed", null, "unknown, disabled or not set up"));
      return SignInResult.refused(SignInResult.Outcome.REFUSED);
    }
    ConsoleUser user = found.get();
    if (user.isLocked(now)) {
      audit.append(new AuditRecord(name, user.clientId(), sourceIp, "sign_in_failed", name, "locked until " + user.lockedUntil()));
      return SignInResult.refused(SignInResult.Outcome.LOCKED);
    }
    if (!hasher.verify(password, user.passwordHash())) {
      boolean locked = user.failedSignIn(now);
      audit.append(new AuditRecord(name, user.clientId(), sourceIp, locked ? "user_locked" : "sign_in_failed", name,
          locked ? "locked for 15 minutes after 5 failures" : "wrong password"));
      return SignInResult.refused(locked ? SignInResult.Outcome.LOCKED : SignInResult.Outcome.REFUSED);
    }
    user.signedIn(now);
    audit.append(new AuditRecord(name, user.clientId(), sourceIp, "sign_in", name, null));
    return new SignInResult(SignInResult.Outcome.SIGNED_IN, name, user.clientId(), user.roles());
  }

  /**
   * Signs in a user whom an external identity provider (OpenID Connect) has vouched for: the
   * verified claim must name an existing, enabled console user who is not locked out, and the
   * roles and tenant are ours, never the provider's. Audited like a password sign-in, with the
   * provider in the summary.
   */
  public SignInResult signInExternal(String claimedName, String provider, String sourceIp) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String name = claimedName == null ? "" : claimedName.trim().toLowerCase(java.util.Locale.ROOT);
    Optional<ConsoleUser> found = USERNAME.matcher(name).matches() ? users.findByUsernameForUpdate(name) : Optional.empty();
    if (found.isEmpty() || !found.get().enabled()) {
      audit.append(new AuditRecord(safeName(name), null, sourceIp, "sign_in_failed", null,
          "OpenID Connect (" + provider + "): no enabled console user"));
      return SignInResult.refused(SignInResult.Outcome.REFUSED);
    }
    ConsoleUser user = found.get();
    if (user.isLocked(now)) {
      audit.append(new AuditRecord(name, user.clientId(), sourceIp, "sign_in_failed", name,
          "OpenID Connect (" + provider + "): locked until " + user.lockedUntil()));
      return SignInResult.refused(SignInResult.Outcome.LOCKED);
    }
    user.signedIn(now);
    audit.append(new AuditRecord(name, user.clientId(), sourceIp, "sign_in", name, "OpenID Connect (" + provider + ")"));
    return new SignInResult(SignInResult.Outcome.SIGNED_IN, name, user.clientId(), user.roles());
  }

  /**
   * Records an OpenID Connect sign-in refused before any user was known (state, nonce, signature,
   * audience or expiry wrong, or the provider answered an error). {@code why} names the check, never
   * a token.
   */
  public void externalSignInRefused(String provider, String why, String sourceIp) {
    audit.append(new AuditRecord("(openid connect)", null, sourceIp, "sign_in_failed", null,
        "OpenID Connect (" + provider + "): " + why));
  }

  /** Records a sign-out. */
  public void signedOut(ConsoleActor actor) {
    audit.append(new AuditRecord(actor.username(), actor.clientId(), actor.sourceIp(), "sign_out", actor.username(), null));
  }

  /** The users of the actor's tenant. */
  public List<ConsoleUser> list(ConsoleActor actor) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    return users.listByClient(actor.tenantCaller().clientId());
  }

  /**
   * Invites a user to the actor's tenant; the link is returned once. Operators invite into the
   * tenant they have chosen (that is how a tenant gets its first admin).
   */
  public SetupLink invite(ConsoleActor actor, String username, Set<ConsoleRole> roles) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    String clientId = actor.tenantCaller().clientId();
    clients.find(clientId).orElseThrow(() -> new NotFoundException("Resource not found"));
    String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw new InvalidRequestException("Invalid request: user name must match [a-z0-9_.@+-]{3,100}");
    }
    if (roles == null || roles.isEmpty() || roles.contains(ConsoleRole.OPERATOR)) {
      throw new InvalidRequestException("Invalid request: choose at least one of admin, reviewer, auditor");
    }
    if (users.findByUsername(name).isPresent()) {
      throw new ConflictException("Conflict: that user name is taken");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String token = newToken();
    ConsoleUser user = new ConsoleUser(clientId, name, roles, Digests.sha256Hex(token), now.plus(LINK_TTL), now);
    users.store(user);
    audit.append(new AuditRecord(actor.username(), clientId, actor.sourceIp(), "user_invited", name,
        "before: none; after: roles " + user.rolesText()));
    return new SetupLink(name, token);
  }

  /** Disables a user of the actor's tenant; a foreign user is not found. */
  public void disable(ConsoleActor actor, String username) {
    actor.require(ConsoleRole.ADMIN, ConsoleRole.OPERATOR);
    String clientId = actor.tenantCaller().clientId();
    ConsoleUser user = users.findByUsername(username).filter(u -> clientId.equals(u.clientId()))
        .orElseThrow(() -> new NotFoundException("Resource not found"));
    user.disable(OffsetDateTime.now(clock));
    audit.append(new AuditRecord(actor.username(), clientId, actor.sourceIp(), "user_disabled", user.username(),
        "before: enabled; after: disabled"));
  }

  /** Failed names go into the trail, but never something that looks like a password typed in the wrong box. */
  private static String safeName(String name) {
    return USERNAME.matcher(name).matches() ? name : "(invalid name)";
  }

  private static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
