package io.idforge.identity.core.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageKeysTest {

  @Test
  void cursorRoundTripsAndIsOpaque() {
    String key = PageKeys.encode(12345L);
    assertEquals(12345L, PageKeys.decode(key));
    assertEquals(Long.MAX_VALUE, PageKeys.decode(null));
    assertEquals(false, key.contains("12345"));
  }

  @Test
  void forgedCursorsAreAClientError() {
    assertThrows(InvalidRequestException.class, () -> PageKeys.decode("not base64 !"));
    assertThrows(InvalidRequestException.class, () -> PageKeys.decode("MTIz")); // "123" without prefix
  }

  @Test
  void aPageHasANextKeyOnlyWhenMoreRowsExist() {
    Page<Long> last = PageKeys.page(List.of(9L, 8L), 2, id -> id);
    assertNull(last.nextKey());
    Page<Long> more = PageKeys.page(List.of(9L, 8L, 7L), 2, id -> id);
    assertEquals(List.of(9L, 8L), more.items());
    assertEquals(8L, PageKeys.decode(more.nextKey()));
  }

  @Test
  void publicIdsHaveTruorasShape() {
    String id = PublicIds.next(PublicIds.VALIDATION);
    assertEquals(35, id.length());
    assertEquals(true, PublicIds.looksLike("VLD", id));
    assertEquals(false, PublicIds.looksLike("VLD", "VLD" + "G".repeat(32)));
  }
}
