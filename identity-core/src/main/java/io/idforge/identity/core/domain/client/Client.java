package io.idforge.identity.core.domain.client;

import io.idforge.identity.core.domain.shared.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A tenant: one enterprise using the service, known on the wire by its {@code client_id}
 * ({@code TCI…}). Every other aggregate carries the client id, and every lookup filters by it.
 */
@Entity
@Table(name = "client")
public class Client {

  @Id
  @SequenceGenerator(name = "client_seq", sequenceName = "client_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_seq")
  private Long id;

  @Column(name = "client_id", length = 40, nullable = false, unique = true, updatable = false)
  private String clientId;

  @Column(name = "name", length = 100, nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  /** How long personal data of a finished process is kept (ISO-8601); null: the default. */
  @Column(name = "retention", length = 40)
  private String retention;

  protected Client() {}

  public Client(String name, OffsetDateTime now) {
    this.clientId = PublicIds.next(PublicIds.CLIENT);
    this.name = name;
    this.createdAt = now;
  }

  public String clientId() {
    return clientId;
  }

  public String name() {
    return name;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** The tenant's own retention period, when it has one. */
  public Optional<Duration> retention() {
    return Optional.ofNullable(retention).map(Duration::parse);
  }

  /** Sets (or with null, clears) the tenant's retention period. */
  public void changeRetention(Duration period) {
    if (period != null && period.isNegative()) {
      throw new IllegalArgumentException("a retention period is not negative");
    }
    retention = period == null ? null : format(period);
  }

  /** ISO-8601 as an operator writes it: whole days as {@code P30D} (not {@code PT720H}). */
  public static String format(Duration period) {
    return period.toSeconds() % 86_400 == 0 && period.getNano() == 0 ? "P" + period.toDays() + "D" : period.toString();
  }
}
