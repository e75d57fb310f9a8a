package io.idforge.identity.core.privacy;

import io.idforge.identity.core.application.port.PersonalDataStore;
import io.idforge.identity.core.application.webhooks.WebhookFanout;
import io.idforge.identity.core.domain.event.EventRepository;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.engine.EventNames;
import io.idforge.identity.core.engine.EventSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Erases the personal data of one finished process and records it in the event log
 * ({@code digital_identity.identity_process} / {@code redacted}) in the caller's transaction, so a
 * redaction is never lost and never recorded without happening. Shared by the retention purge and
 * {@code DELETE /v1/processes/{id}}.
 */
@ApplicationScoped
public class Redactions {

  @Inject PersonalDataStore store;

  @Inject EventRepository events;

  @Inject WebhookFanout webhooks;

  /**
   * @param locked the process, locked by the caller and finished
   * @param actor recorded on the event ({@code system}, {@code backend:<key name>})
   * @return false when it was already redacted (nothing is done or recorded again)
   */
  public boolean redact(IdentityProcess locked, String actor, OffsetDateTime now) {
    if (locked.isPending()) {
      throw new IllegalStateException("a pending process is not redacted");
    }
    if (locked.isRedacted()) {
      return false;
    }
    store.erase(locked.clientId(), locked.processId(), now);
    ProcessEvent event =
        new ProcessEvent(
            locked.clientId(),
            locked.processId(),
            null,
            EventNames.PROCESS,
            EventNames.REDACTED,
            actor,
            EventSnapshots.process(locked),
            now);
    events.append(event);
    webhooks.fanOut(List.of(event));
    return true;
  }
}
