package io.idforge.identity.core.application.port;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Storage-side work of privacy at rest and retention that spans tables: finding processes due for
 * the purge, erasing one process's personal data in every table, and sealing rows written in
 * plaintext before encryption.
 */
public interface PersonalDataStore {

  /** Finished, not yet redacted processes of a tenant whose last change is before {@code before}. */
  List<String> findPurgeable(String clientId, OffsetDateTime before, int limit);

  /**
   * Erases the personal data of one finished process in the caller's transaction: its images
   * (stored_media), the validations' details, one-time-code destinations, addresses and review
   * notes, its token's request data, its start data, the code-send tags, and the account's
   * personal fields when no other process of the account is still pending. Outcomes, reasons,
   * dates, flow and validation types and statuses stay. Marks the process redacted at {@code now}.
   */
  void erase(String clientId, String processId, OffsetDateTime now);

  /**
   * Seals, with the installed field key ring, personal data still stored in plaintext (rows from
   * before encryption), at most {@code limit} per column per call.
   *
   * @return how many values were sealed
   */
  int sealPlaintext(int limit);
}
