package io.idforge.identity.persistence.jpa;

import io.idforge.identity.core.application.port.PersonalDataStore;
import io.idforge.identity.core.privacy.SealedColumns;
import io.idforge.identity.core.security.FieldSealing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Erasure and legacy sealing as portable SQL statements (PostgreSQL and H2), one per table:
 * several columns are {@code updatable = false} in the entities (start and request data are never
 * changed by the domain), so JPQL through the entities would not reach them.
 */
@ApplicationScoped
public class JpaPersonalDataStore implements PersonalDataStore {

  @PersistenceContext(unitName = "identity")
  EntityManager em;

  @Override
  public List<String> findPurgeable(String clientId, OffsetDateTime before, int limit) {
    return em.createQuery(
            "SELECT p.processId FROM IdentityProcess p WHERE p.clientId = :client"
                + " AND p.outcome.status <> 'pending' AND p.redactedAt IS NULL AND p.updatedAt < :before"
                + " ORDER BY p.id",
            String.class)
        .setParameter("client", clientId)
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void erase(String clientId, String processId, OffsetDateTime now) {
    // Changes of managed entities in this transaction go first, so none of them writes a
    // personal value back after the statements below.
    em.flush();
    update("DELETE FROM stored_media WHERE client_id = ?1 AND process_id = ?2", clientId, processId);
    update(
        "UPDATE validation SET details = NULL, document_tag = NULL, otp_destination = NULL, ip_address = NULL,"
            + " front_media_id = NULL, reverse_media_id = NULL, face_media_id = NULL"
            + " WHERE client_id = ?1 AND process_id = ?2",
        clientId,
        processId);
    update("UPDATE review_task SET note = NULL WHERE client_id = ?1 AND process_id = ?2", clientId, processId);
    update("DELETE FROM otp_send WHERE client_id = ?1 AND process_id = ?2", clientId, processId);
    update("UPDATE web_token SET request_data = NULL WHERE client_id = ?1 AND process_id = ?2", clientId, processId);
    update(
        "UPDATE account SET email = NULL, document_number = NULL, document_issue_date = NULL,"
            + " first_name = NULL, last_name = NULL, phone_number = NULL, facebook_user = NULL,"
            + " twitter_user = NULL"
            + " WHERE client_id = ?1 AND account_id = (SELECT p.account_id FROM identity_process p"
            + "   WHERE p.client_id = ?1 AND p.process_id = ?2)"
            + " AND NOT EXISTS (SELECT 1 FROM identity_process q WHERE q.client_id = account.client_id"
            + "   AND q.account_id = account.account_id AND q.status = 'pending')",
        clientId,
        processId);
    em.createNativeQuery(
            // The consent's outcome and text version stay (proof it was given); where from and with
            // which browser are personal data.
            "UPDATE identity_process SET start_data = NULL, ip_address = NULL, consent_ip = NULL,"
                + " consent_user_agent = NULL, redacted_at = ?3"
                + " WHERE client_id = ?1 AND process_id = ?2")
        .setParameter(1, clientId)
        .setParameter(2, processId)
        .setParameter(3, Timestamp.from(now.toInstant()))
        .executeUpdate();
  }

  private void update(String sql, String clientId, String processId) {
    em.createNativeQuery(sql).setParameter(1, clientId).setParameter(2, processId).executeUpdate();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int sealPlaintext(int limit) {
    int sealed = 0;
    for (String qualified : SealedColumns.ALL) {
      int dot = qualified.indexOf('.');
      String table = qualified.substring(0, dot);
      String column = qualified.substring(dot + 1);
      // Names come from a constant list, never from input.
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT id, " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL AND "
                      + column + " NOT LIKE '" + FieldSealing.PREFIX + "%' ORDER BY id")
              .setMaxResults(limit)
              .getResultList();
      for (Object[] row : rows) {
        String plain = (String) row[1];
        // The compare-and-set keeps a value another node changed meanwhile.
        sealed +=
            em.createNativeQuery("UPDATE " + table + " SET " + column + " = ?1 WHERE id = ?2 AND " + column + " = ?3")
                .setParameter(1, FieldSealing.seal(plain, qualified))
                .setParameter(2, ((Number) row[0]).longValue())
                .setParameter(3, plain)
                .executeUpdate();
      }
    }
    return sealed;
  }
}
