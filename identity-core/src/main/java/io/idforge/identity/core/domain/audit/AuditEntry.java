package io.idforge.identity.core.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One operator action: who, for which tenant, when, from where, on what, and a before/after
 * summary without personal data. {@code entryHash} is the SHA-256 of the previous entry's hash and
 * this entry's fields, so changing, removing or reordering any row breaks the chain from there on.
 * Immutable: no setters, every column {@code updatable = false}.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  /** The "previous hash" of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  /** The position in the chain: the head's last id plus one, taken under the head's lock, so ids have no gaps. */
  @Id
  @Column(name = "id")
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  @Column(name = "actor", length = 100, nullable = false, updatable = false)
  private String actor;

  @Column(name = "client_id", length = 40, updatable = false)
  private String clientId;

  @Column(name = "source_ip", length = 64, updatable = false)
  private String sourceIp;

  @Column(name = "action", length = 60, nullable = false, updatable = false)
  private String action;

  @Column(name = "target", length = 200, updatable = false)
  private String target;

  @Column(name = "summary", length = 2000, updatable = false)
  private String summary;

  @Column(name = "prev_hash", length = 64, nullable = false, updatable = false)
  private String prevHash;

  @Column(name = "entry_hash", length = 64, nullable = false, updatable = false)
  private String entryHash;

  protected AuditEntry() {}

  public AuditEntry(long id, AuditRecord record, OffsetDateTime now, String prevHash) {
    this.id = id;
    // Microseconds: what the database keeps, so the hash recomputed from the row matches.
    this.occurredAt = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    this.actor = cut(record.actor(), 100);
    this.clientId = record.clientId();
    this.sourceIp = cut(record.sourceIp(), 64);
    this.action = cut(record.action(), 60);
    this.target = cut(record.target(), 200);
    this.summary = cut(record.summary(), 2000);
    this.prevHash = prevHash;
    this.entryHash = computeHash();
  }

  /** The hash this entry's fields and its predecessor's hash call for. */
  public String computeHash() {
    String canonical = String.join("\u001f",
        String.valueOf(id), DateTimeFormatter.ISO_INSTANT.format(occurredAt.toInstant()), actor,
        nz(clientId), nz(sourceIp), action, nz(target), nz(summary), prevHash);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public Long id() {
    return id;
  }

  public OffsetDateTime occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String clientId() {
    return clientId;
  }

  public String sourceIp() {
    return sourceIp;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public String summary() {
    return summary;
  }

  public String prevHash() {
    return prevHash;
  }

  public String entryHash() {
    return entryHash;
  }
}
