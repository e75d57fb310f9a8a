package io.idforge.identity.core.domain.process;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Filters of {@code GET /v1/processes} (Truora's "List Identity"). Null or empty means no filter.
 *
 * @param search exact process or flow id, or a prefix of the account id
 */
public record ProcessQuery(
    ProcessStatus status,
    FailureStatus failureStatus,
    List<String> declinedReasons,
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    String search) {

  public ProcessQuery {
    declinedReasons = declinedReasons == null ? List.of() : List.copyOf(declinedReasons);
  }

  public static ProcessQuery all() {
    return new ProcessQuery(null, null, List.of(), null, null, null);
  }
}
