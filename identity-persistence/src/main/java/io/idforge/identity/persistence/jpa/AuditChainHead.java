package io.idforge.identity.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit chain's single head row: locked by each append, so entries chain one after another. */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

  @Id
  @Column(name = "id")
  private Integer id;

  @Column(name = "last_id", nullable = false)
  private long lastId;

  @Column(name = "last_hash", length = 64, nullable = false)
  private String lastHash;

  protected AuditChainHead() {}

  long lastId() {
    return lastId;
  }

  String lastHash() {
    return lastHash;
  }

  void moveTo(long id, String hash) {
    this.lastId = id;
    this.lastHash = hash;
  }
}
