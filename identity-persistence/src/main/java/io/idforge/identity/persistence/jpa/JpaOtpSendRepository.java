package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.domain.validation.OtpSend;
import io.idforge.identity.core.domain.validation.OtpSendRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/** JPA adapter for the one-time codes sent. */
@ApplicationScoped
public class JpaOtpSendRepository implements OtpSendRepository {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public void store(OtpSend send) {
    em.persist(send);
  }

  @Override
  public long countToDestination(String destinationTag, OffsetDateTime since) {
    // Uses ix_otp_send_destination.
    return em.createQuery(
            "SELECT COUNT(s) FROM OtpSend s WHERE s.destinationTag = :tag AND s.sentAt >= :since", Long.class)
        .setParameter("tag", destinationTag)
        .setParameter("since", since)
        .getSingleResult();
  }

  @Override
  public long countInProcess(String processId, OffsetDateTime since) {
    // Uses ix_otp_send_process.
    return em.createQuery(
            "SELECT COUNT(s) FROM OtpSend s WHERE s.processId = :process AND s.sentAt >= :since", Long.class)
        .setParameter("process", processId)
        .setParameter("since", since)
        .getSingleResult();
  }

  @Override
  public long countForTenant(String clientId, OffsetDateTime since) {
    // Uses ix_otp_send_client.
    return em.createQuery(
            "SELECT COUNT(s) FROM OtpSend s WHERE s.clientId = :client AND s.sentAt >= :since", Long.class)
        .setParameter("client", clientId)
        .setParameter("since", since)
        .getSingleResult();
  }

  @Override
  public Optional<OffsetDateTime> lastSentFor(String validationId) {
    // Uses ix_otp_send_validation.
    return Optional.ofNullable(
        em.createQuery("SELECT MAX(s.sentAt) FROM OtpSend s WHERE s.validationId = :validation", OffsetDateTime.class)
            .setParameter("validation", validationId)
            .getSingleResult());
  }
}
