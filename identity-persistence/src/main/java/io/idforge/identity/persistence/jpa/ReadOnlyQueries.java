package io.idforge.identity.persistence.jpa;

import jakarta.persistence.TypedQuery;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * EclipseLink's read-only hint for queries whose results are only read. Inside a transaction
 * EclipseLink otherwise registers every result in the unit of work: a working copy, a backup copy
 * (weaving is off, so changes are found by comparing the two) and that comparison again at commit.
 * A read-only result skips all three; it must never be changed, because nothing would write it.
 */
final class ReadOnlyQueries {

  private ReadOnlyQueries() {}

  static <T> TypedQuery<T> readOnly(TypedQuery<T> query) {
    return query.setHint(QueryHints.READ_ONLY, HintValues.TRUE);
  }
}
