package io.idforge.identity.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row per exclusive job; whoever updates it while it is free owns the job until {@code locked_until}. */
@Entity
@Table(name = "job_lease")
public class JobLease {

  @Id
  @Column(name = "name", length = 60)
  private String name;

  @Column(name = "owner", length = 80)
  private String owner;

  @Column(name = "locked_until", nullable = false)
  private OffsetDateTime lockedUntil;

  protected JobLease() {}

  JobLease(String name, OffsetDateTime lockedUntil) {
    this.name = name;
    this.lockedUntil = lockedUntil;
  }
}
