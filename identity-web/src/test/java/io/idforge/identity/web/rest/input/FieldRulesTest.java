package io.idforge.identity.web.rest.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.api.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldRulesTest {

  private static String queryRejection(String raw) {
    return assertThrows(InvalidInputException.class, () -> FieldRules.checkQuery(UrlEncodedFields.parse(raw)))
        .getMessage();
  }

  private static String formRejection(String raw) {
    return assertThrows(InvalidInputException.class, () -> FieldRules.checkForm(UrlEncodedFields.parse(raw)))
        .getMessage();
  }

  @Test
  void decodesInOrderKeepingDuplicatesAndEmptyNames() {
    assertEquals(
        List.of(Map.entry("a", "1 2"), Map.entry("a", "+"), Map.entry("", "x"), Map.entry("flag", "")),
        UrlEncodedFields.parse("a=1+2&a=%2B&&=x&flag&"));
    assertEquals(List.of(), UrlEncodedFields.parse(null));
    assertEquals(UrlEncodedFields.UNREADABLE,
        assertThrows(InvalidInputException.class, () -> UrlEncodedFields.parse("a=%zz")).getMessage());
  }

  @Test
  void singleValuedQueryParametersMayNotRepeat() {
    assertEquals("Invalid request: start_date must be given once",
        queryRejection("start_date=2024-01-01T00:00:00Z&end_date=x&start_date=2024-02-01T00:00:00Z"));
    assertEquals("Invalid request: status must be given once", queryRejection("status=pending&status=success"));
    assertDoesNotThrow(() -> FieldRules.checkQuery(UrlEncodedFields.parse("declined_reason=a&declined_reason=b&status=failure")));
  }

  @Test
  void nulAndEmptyNamesAreRefusedInQueriesAndForms() {
    assertEquals("Invalid request: search must not contain NUL characters", queryRejection("search=ab%00c"));
    assertEquals("Invalid request: a parameter has an empty name", queryRejection("=x&status=pending"));
    assertEquals("Invalid request: a parameter name contains a NUL character", queryRejection("st%00atus=pending"));
    assertEquals("Invalid request: first_name must not contain NUL characters", formRejection("first_name=An%00a"));
    assertEquals("Invalid request: a field has an empty name", formRejection("=web&key_type=web"));
    // Forms may repeat fields (phones[], emails[]): their parsers decide.
    assertDoesNotThrow(() -> FieldRules.checkForm(UrlEncodedFields.parse("phones[]=%2B57310&phones[]=%2B57311")));
  }

  @Test
  void nulInThePathIsRefused() {
    assertEquals("Invalid request: the path must not contain NUL characters",
        assertThrows(InvalidInputException.class, () -> FieldRules.checkPath("processes/IDP\0")).getMessage());
    assertDoesNotThrow(() -> FieldRules.checkPath("processes/IDP0123"));
  }
}
