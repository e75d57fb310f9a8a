package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.flow.Flow;
import io.idforge.identity.core.domain.flow.FlowRepository;
import io.idforge.identity.core.domain.flow.FlowVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** JPA adapter for flows and their immutable versions. */
@ApplicationScoped
public class JpaFlowRepository implements FlowRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public Optional<Flow> find(String clientId, String flowId) {
    return em.createQuery("SELECT f FROM Flow f WHERE f.clientId = :client AND f.flowId = :flow", Flow.class)
        .setParameter("client", clientId)
        .setParameter("flow", flowId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<FlowVersion> findVersion(String flowId, int flowVersion) {
    // Uses uq_flow_version.
    return em.createQuery(
            "SELECT v FROM FlowVersion v WHERE v.flowId = :flow AND v.flowVersion = :version", FlowVersion.class)
        .setParameter("flow", flowId)
        .setParameter("version", flowVersion)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Flow> list(String clientId, long beforeId, int limit) {
    return em.createQuery(
            "SELECT f FROM Flow f WHERE f.clientId = :client AND f.id < :before ORDER BY f.id DESC", Flow.class)
        .setParameter("client", clientId)
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void store(Flow flow) {
    em.persist(flow);
  }

  @Override
  public void store(FlowVersion version) {
    em.persist(version);
  }
}
