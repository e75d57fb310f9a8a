package io.idforge.identity.core.domain.validation;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Port for the record of one-time codes sent (the send limits' counters). */
public interface OtpSendRepository {

  void store(OtpSend send);

  /** Codes sent to one destination (any tenant) since {@code since}. */
  long countToDestination(String destinationTag, OffsetDateTime since);

  /** Codes sent within one process since {@code since}. */
  long countInProcess(String processId, OffsetDateTime since);

  /** Codes a tenant sent since {@code since}. */
  long countForTenant(String clientId, OffsetDateTime since);

  /** When the last code of a validation was sent, if ever. */
  Optional<OffsetDateTime> lastSentFor(String validationId);
}
