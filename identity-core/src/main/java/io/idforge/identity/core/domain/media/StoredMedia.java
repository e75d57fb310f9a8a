package io.idforge.identity.core.domain.media;

import io.idforge.identity.core.domain.shared.PublicIds;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * An uploaded image (document side or selfie), stored encrypted: the row holds only AES-GCM
 * ciphertext, the nonce and the id of the key that sealed it. It belongs to one tenant and one
 * process; every read goes through that tenant.
 */
@Entity
@Table(name = "stored_media")
public class StoredMedia {

  /** Public id prefix of media ({@code MED…}); ours, Truora exposes only URLs. */
  public static final String PREFIX = "MED";

  @Id
  @SequenceGenerator(name = "stored_media_seq", sequenceName = "stored_media_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stored_media_seq")
  private Long id;

  @Column(name = "media_id", length = 40, nullable = false, unique = true, updatable = false)
  private String mediaId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "process_id", length = 40, nullable = false, updatable = false)
  private String processId;

  @Column(name = "kind", length = 30, nullable = false, updatable = false)
  private String kind;

  @Column(name = "mime_type", length = 40, nullable = false, updatable = false)
  private String mimeType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(name = "key_id", length = 64, nullable = false, updatable = false)
  private String keyId;

  @Column(name = "nonce", length = 32, nullable = false, updatable = false)
  private byte[] nonce;

  // Lazy: listings never pull megabytes of ciphertext. No @Lob: Hibernate maps a @Lob byte[] to a
  // PostgreSQL large object (an oid), not the BYTEA the migration creates; a plain byte[] is bound
  // with setBytes by EclipseLink and Hibernate alike, which BYTEA (PostgreSQL) and BLOB (H2) accept.
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "ciphertext", nullable = false, updatable = false)
  private byte[] ciphertext;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected StoredMedia() {}

  public StoredMedia(
      String clientId, String processId, MediaKind kind, String mimeType, long sizeBytes, OffsetDateTime now) {
    this.mediaId = PublicIds.next(PREFIX);
    this.clientId = clientId;
    this.processId = processId;
    this.kind = kind.wireValue();
    this.mimeType = mimeType;
    this.sizeBytes = sizeBytes;
    this.createdAt = now;
  }

  /** Seals the content; called once, before the row is stored. */
  public void seal(String keyId, byte[] nonce, byte[] ciphertext) {
    if (this.ciphertext != null) {
      throw new IllegalStateException("media " + mediaId + " is already sealed");
    }
    this.keyId = keyId;
    this.nonce = nonce.clone();
    this.ciphertext = ciphertext;
  }

  /** Binds the ciphertext to its tenant and id, so a row copied elsewhere does not decrypt. */
  public byte[] associatedData() {
    return (clientId + "|" + mediaId).getBytes(StandardCharsets.UTF_8);
  }

  public String mediaId() {
    return mediaId;
  }

  public String clientId() {
    return clientId;
  }

  public String processId() {
    return processId;
  }

  public MediaKind kind() {
    return MediaKind.fromWire(kind).orElseThrow();
  }

  public String mimeType() {
    return mimeType;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String keyId() {
    return keyId;
  }

  public byte[] nonce() {
    return nonce.clone();
  }

  public byte[] ciphertext() {
    return ciphertext;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
