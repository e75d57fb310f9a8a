package io.idforge.identity.core.domain.console;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person who signs in to the console. Operators have no tenant; everybody else belongs to one.
 * The password is kept only as a PBKDF2 hash; until the user has chosen one, the row carries the
 * digest of a one-time setup link instead. Five failed sign-ins in a row lock the account for 15
 * minutes, so guessing costs time even when the attacker switches IP addresses.
 */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

  public static final int MAX_FAILURES = 5;
  public static final Duration LOCK_OUT = Duration.ofMinutes(15);

  @Id
  @SequenceGenerator(name = "console_user_seq", sequenceName = "console_user_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "console_user_seq")
  private Long id;

  @Column(name = "client_id", length = 40, updatable = false)
  private String clientId;

  @Column(name = "username", length = 100, nullable = false, unique = true, updatable = false)
  private String username;

  @Column(name = "password_hash", length = 300)
  private String passwordHash;

  @Column(name = "roles", length = 200, nullable = false)
  private String roles;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @Column(name = "locked_until")
  private OffsetDateTime lockedUntil;

  @Column(name = "setup_digest", length = 64)
  private String setupDigest;

  @Column(name = "setup_expires_at")
  private OffsetDateTime setupExpiresAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private Long version;

  protected ConsoleUser() {}

  /** A user who still has to choose a password through the link whose digest is given. */
  public ConsoleUser(String clientId, String username, Set<ConsoleRole> roles, String setupDigest,
      OffsetDateTime setupExpiresAt, OffsetDateTime now) {
    if ((clientId == null) != roles.contains(ConsoleRole.OPERATOR)) {
      throw new IllegalArgumentException("operators have no tenant; every other user has one");
    }
    this.clientId = clientId;
    this.username = username;
    this.roles = join(roles);
    this.enabled = true;
    this.setupDigest = setupDigest;
    this.setupExpiresAt = setupExpiresAt;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Sets the password chosen through the one-time link (or configured) and spends the link. */
  public void choosePassword(String hash, OffsetDateTime now) {
    this.passwordHash = hash;
    this.setupDigest = null;
    this.setupExpiresAt = null;
    this.failedAttempts = 0;
    this.lockedUntil = null;
    this.updatedAt = now;
  }

  public boolean setupLinkValid(OffsetDateTime now) {
    return setupDigest != null && setupExpiresAt != null && now.isBefore(setupExpiresAt);
  }

  public boolean isLocked(OffsetDateTime now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Counts a wrong password; the fifth in a row locks the account. Returns true when it locked. */
  public boolean failedSignIn(OffsetDateTime now) {
    failedAttempts++;
    updatedAt = now;
    if (failedAttempts >= MAX_FAILURES) {
      lockedUntil = now.plus(LOCK_OUT);
      failedAttempts = 0;
      return true;
    }
    return false;
  }

  public void signedIn(OffsetDateTime now) {
    failedAttempts = 0;
    lockedUntil = null;
    updatedAt = now;
  }

  public void disable(OffsetDateTime now) {
    enabled = false;
    updatedAt = now;
  }

  public void changeRoles(Set<ConsoleRole> newRoles, OffsetDateTime now) {
    if (clientId == null || newRoles.isEmpty() || newRoles.contains(ConsoleRole.OPERATOR)) {
      throw new IllegalArgumentException("tenant users take tenant roles only");
    }
    roles = join(newRoles);
    updatedAt = now;
  }

  public Set<ConsoleRole> roles() {
    return Arrays.stream(roles.split(","))
        .filter(s -> !s.isBlank())
        .map(ConsoleRole::fromGroup)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsoleRole.class)));
  }

  public String rolesText() {
    return roles;
  }

  private static String join(Set<ConsoleRole> roles) {
    return roles.stream().map(ConsoleRole::group).sorted().collect(Collectors.joining(","));
  }

  public Long id() {
    return id;
  }

  public String clientId() {
    return clientId;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean enabled() {
    return enabled;
  }

  public int failedAttempts() {
    return failedAttempts;
  }

  public OffsetDateTime lockedUntil() {
    return lockedUntil;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public Long version() {
    return version;
  }
}
