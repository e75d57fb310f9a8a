package io.idforge.identity.core.domain.shared;

import java.util.List;

/**
 * One page of a cursor listing. {@code nextKey} is the opaque {@code start_key} of the following
 * page, or null on the last page.
 */
public record Page<T>(List<T> items, String nextKey) {

  public Page {
    items = List.copyOf(items);
  }
}
