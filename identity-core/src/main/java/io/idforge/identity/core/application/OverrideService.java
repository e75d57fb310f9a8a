package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.process.IdentityProcess;
import io.idforge.identity.core.domain.process.ProcessRepository;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * An operator's final word on a finished process (Truora's "Modify Status"): {@code success} over a
 * failure or the reverse, with one of Truora's override reasons and a note. One transaction under
 * the process row lock through {@link ProcessEngine#override}, which keeps the history and records
 * an {@code overwritten_success} or {@code overwritten_failure} event. A pending process cannot be
 * overridden (409).
 */
@Stateless
public class OverrideService {

  /** Who overrode, as the console or an integrator names them. */
  static final Pattern USER = Pattern.compile("[A-Za-z0-9_.@+-]{1,100}");

  static final int MAX_NOTE = 500;

  @Inject ProcessRepository processes;

  @Inject ProcessRecords records;

  @Inject ProcessEngine engine;

  /**
   * @param status {@code success} or {@code failure}
   * @param reason an override reason allowed for {@code status}
   * @param user the operator, recorded in the history and on the event
   * @return the process after the override
   */
  public IdentityProcess override(Caller caller, String processId, String status, String reason, String note, String user) {
    caller.requireBackend();
    ProcessStatus to =
        ProcessStatus.fromWire(status)
            .filter(s -> s != ProcessStatus.PENDING)
            .orElseThrow(() -> new InvalidRequestException("Invalid request: status must be success or failure"));
    if (user == null || !USER.matcher(user).matches()) {
      throw new InvalidRequestException("Invalid request: user must match [A-Za-z0-9_.@+-]{1,100}");
    }
    if (note != null && note.length() > MAX_NOTE) {
      throw new InvalidRequestException("Invalid request: note must be at most " + MAX_NOTE + " characters");
    }
    IdentityProcess found =
        processes.find(caller.clientId(), processId).orElseThrow(() -> new NotFoundException("Resource not found"));
    ProcessRecord r = records.lock(found, "operator:" + user);
    // A process past its deadline has finished even if no job or read has noticed yet.
    engine.expire(r);
    engine.override(r, to, reason, note, user);
    records.save(r);
    return r.process();
  }
}
