package io.idforge.identity.core.domain.process;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Filters of {@code GET /v1/processes} (Truora's "List Identity"). Null or empty means no filter.
 *
 * @param search exact process or flow id, or a prefix of the account id
 * @param documentTag the keyed hash of a document number read in one of the process's document
 *     validations (the console's search; see {@code DocumentTags}), or null
 */
public record ProcessQuery(
    ProcessStatus status,
    FailureStatus failureStatus,
    List<String> declinedReasons,
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    String search,
    String documentTag) {

  public ProcessQuery {
    declinedReasons = declinedReasons == null ? List.of() : List.copyOf(declinedReasons);
  }

  /** The same filters, also by a document number's keyed hash. */
  public ProcessQuery withDocumentTag(String tag) {
    return new ProcessQuery(status, failureStatus, declinedReasons, startDate, endDate, search, tag);
  }

  public static ProcessQuery all() {
    return new ProcessQuery(null, null, List.of(), null, null, null, null);
  }
}
