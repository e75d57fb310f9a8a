package io.idforge.identity.core.application.console;

import io.idforge.identity.core.application.DocumentTags;

import io.idforge.identity.core.application.MediaService;
import io.idforge.identity.core.application.ProcessService;
import io.idforge.identity.core.application.ProcessView;
import io.idforge.identity.core.domain.audit.AuditRecord;
import io.idforge.identity.core.domain.console.ConsoleRole;
import io.idforge.identity.core.domain.event.EventRepository;
import io.idforge.identity.core.domain.event.ProcessEvent;
import io.idforge.identity.core.domain.process.ProcessQuery;
import io.idforge.identity.core.domain.shared.NotFoundException;
import io.idforge.identity.core.domain.shared.Page;
import io.idforge.identity.core.domain.validation.Validation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the console reads of a tenant's processes: the API's listing, the detail with its
 * timeline from the event log, and the uploaded images, each view of which is audited. The tenant
 * is the actor's, so another tenant's process id is not found, as in the API.
 */
@Stateless
public class ConsoleProcesses {

  @Inject ProcessService processes;

  @Inject EventRepository events;

  @Inject MediaService media;

  @Inject AuditTrail audit;

  @Inject DocumentTags documentTags;

  /** A process with its timeline, oldest event first. */
  public record Detail(ProcessView view, List<ProcessEvent> timeline) {}

  /**
   * The list API's search, and by the number read from a document of the process when {@code
   * documentNumber} is given (matched by its keyed hash: see {@link DocumentTags}).
   */
  public Page<ProcessView> search(
      ConsoleActor actor, ProcessQuery query, String documentNumber, String startKey, int limit) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN, ConsoleRole.REVIEWER, ConsoleRole.AUDITOR);
    ProcessQuery q = query;
    if (documentNumber != null && !documentNumber.isBlank()) {
      // A number without a letter or digit matches nothing, rather than everything.
      q = query.withDocumentTag(documentTags.of(documentNumber).orElse("-"));
    }
    return processes.list(actor.tenantCaller(), q, startKey, limit);
  }

  public Detail detail(ConsoleActor actor, String processId) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN, ConsoleRole.REVIEWER, ConsoleRole.AUDITOR);
    ProcessView view = processes.get(actor.tenantCaller(), processId);
    return new Detail(view, events.listByProcess(view.process().clientId(), view.process().processId()));
  }

  /**
   * One image of one of the tenant's processes, decrypted, for reviewers, admins and operators
   * (auditors see the record, not the faces). The view is audited in the same transaction.
   */
  public MediaService.MediaContent image(ConsoleActor actor, String processId, String mediaId) {
    actor.require(ConsoleRole.OPERATOR, ConsoleRole.ADMIN, ConsoleRole.REVIEWER);
    ProcessView view = processes.get(actor.tenantCaller(), processId);
    boolean ofThisProcess = view.validations().stream()
        .flatMap(ConsoleProcesses::mediaIds)
        .anyMatch(mediaId::equals);
    if (!ofThisProcess) {
      throw new NotFoundException("Resource not found");
    }
    MediaService.MediaContent content = media.read(view.process().clientId(), mediaId);
    audit.append(new AuditRecord(actor.username(), view.process().clientId(), actor.sourceIp(), "image_view",
        processId + "/" + mediaId, null));
    return content;
  }

  /** The uploads of a validation: document front and back, selfie. */
  public static Stream<String> mediaIds(Validation v) {
    return Stream.of(v.frontMediaId(), v.reverseMediaId(), v.faceMediaId()).filter(Objects::nonNull);
  }
}
