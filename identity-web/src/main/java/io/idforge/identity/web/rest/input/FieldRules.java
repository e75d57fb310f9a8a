package io.idforge.identity.web.rest.input;

import io.idforge.identity.api.error.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every query string and form body of the API obeys, whatever the endpoint: no empty
 * field names, no NUL characters (PostgreSQL refuses them in text, so they would end as a 500),
 * and in a query string no single-valued parameter given twice (which one would win is an
 * accident of the framework). Form bodies may repeat fields: their parsers decide per field.
 */
final class FieldRules {

  /** Query parameters that may be given several times (Truora's listing filters). */
  static final Set<String> REPEATABLE_QUERY_PARAMETERS = Set.of("declined_reason");

  private FieldRules() {}

  static void checkQuery(List<Map.Entry<String, String>> parameters) {
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, String> p : parameters) {
      checkField("parameter", p.getKey(), p.getValue());
      if (!seen.add(p.getKey()) && !REPEATABLE_QUERY_PARAMETERS.contains(p.getKey())) {
        throw new InvalidInputException(p.getKey(), p.getKey() + " must be given once");
      }
    }
  }

  static void checkForm(List<Map.Entry<String, String>> fields) {
    for (Map.Entry<String, String> f : fields) {
      checkField("field", f.getKey(), f.getValue());
    }
  }

  private static void checkField(String kind, String name, String value) {
    if (name.isBlank()) {
      throw new InvalidInputException(null, "a " + kind + " has an empty name");
    }
    if (name.indexOf('\0') >= 0) {
      throw new InvalidInputException(null, "a " + kind + " name contains a NUL character");
    }
    if (value.indexOf('\0') >= 0) {
      throw new InvalidInputException(name, name + " must not contain NUL characters");
    }
  }

  /** A path segment (an id) with a NUL character can name nothing: refused before any lookup. */
  static void checkPath(String decodedPath) {
    if (decodedPath.indexOf('\0') >= 0) {
      throw new InvalidInputException(null, "the path must not contain NUL characters");
    }
  }
}
