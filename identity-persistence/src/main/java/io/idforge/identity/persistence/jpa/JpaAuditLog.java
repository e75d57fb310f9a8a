package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.audit.AuditEntry;
import io.idforge.identity.core.domain.audit.AuditFilter;
import io.idforge.identity.core.domain.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;

/** JPA adapter for the audit trail: insert and select only. */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public Head lockHead() {
    AuditChainHead h = em.find(AuditChainHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
    return new Head(h.lastId(), h.lastHash());
  }

  @Override
  public Head head() {
    AuditChainHead h = em.find(AuditChainHead.class, 1);
    em.refresh(h);
    return new Head(h.lastId(), h.lastHash());
  }

  @Override
  public void append(AuditEntry entry) {
    em.persist(entry);
    // Already locked by lockHead in this transaction.
    em.find(AuditChainHead.class, 1).moveTo(entry.id(), entry.entryHash());
  }

  @Override
  public List<AuditEntry> list(AuditFilter f, int limit) {
    List<String> where = new ArrayList<>();
    if (!f.allTenants()) {
      where.add(f.clientId() == null ? "e.clientId IS NULL" : "e.clientId = :client");
    }
    if (f.actor() != null) {
      where.add("e.actor = :actor");
    }
    if (f.action() != null) {
      where.add("e.action = :action");
    }
    if (f.from() != null) {
      where.add("e.occurredAt >= :from");
    }
    if (f.to() != null) {
      where.add("e.occurredAt < :to");
    }
    String jpql = "SELECT e FROM AuditEntry e" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + " ORDER BY e.id DESC";
    TypedQuery<AuditEntry> q = em.createQuery(jpql, AuditEntry.class).setMaxResults(limit);
    if (!f.allTenants() && f.clientId() != null) {
      q.setParameter("client", f.clientId());
    }
    if (f.actor() != null) {
      q.setParameter("actor", f.actor());
    }
    if (f.action() != null) {
      q.setParameter("action", f.action());
    }
    if (f.from() != null) {
      q.setParameter("from", f.from());
    }
    if (f.to() != null) {
      q.setParameter("to", f.to());
    }
    return q.getResultList();
  }

  @Override
  public List<AuditEntry> chainFrom(long afterId, int limit) {
    return em.createQuery("SELECT e FROM AuditEntry e WHERE e.id > :after ORDER BY e.id", AuditEntry.class)
        .setParameter("after", afterId)
        .setMaxResults(limit)
        .getResultList();
  }
}
