package io.idforge.identity.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The result read's two queries carry EclipseLink's read-only hint, and the queries of paths that
 * change what they read (the same lookups without "ForReading") do not: a read-only result is never
 * written, so the hint there would silently lose changes.
 */
class ReadOnlyQueriesTest {

  /** The hints set on the queries an entity manager made, by JPQL. */
  private final Map<String, Map<String, Object>> hints = new HashMap<>();

  private EntityManager entityManager() {
    return (EntityManager) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (em, method, args) -> {
          if (!method.getName().equals("createQuery")) {
            throw new UnsupportedOperationException(method.getName());
          }
          Map<String, Object> own = hints.computeIfAbsent((String) args[0], k -> new HashMap<>());
          return query(own);
        });
  }

  private static TypedQuery<?> query(Map<String, Object> own) {
    return (TypedQuery<?>) Proxy.newProxyInstance(
        ReadOnlyQueriesTest.class.getClassLoader(), new Class<?>[] {TypedQuery.class}, (q, method, args) -> {
          switch (method.getName()) {
            case "setHint" -> own.put((String) args[0], args[1]);
            case "getResultStream" -> { return Stream.empty(); }
            case "getResultList" -> { return List.of(); }
            default -> { }
          }
          return q;
        });
  }

  private Object onlyHint(String key) {
    assertEquals(1, hints.size(), "one query: " + hints.keySet());
    return hints.values().iterator().next().get(key);
  }

  @Test
  void processReadForTheResultIsReadOnly() {
    JpaProcessRepository processes = new JpaProcessRepository();
    processes.em = entityManager();
    processes.findForReading("TCIa", "IDPb");
    assertEquals("True", onlyHint("eclipselink.read-only"));
  }

  @Test
  void processLookupForChangesIsManaged() {
    JpaProcessRepository processes = new JpaProcessRepository();
    processes.em = entityManager();
    processes.find("TCIa", "IDPb");
    assertFalse(hints.values().iterator().next().containsKey("eclipselink.read-only"));
  }

  @Test
  void validationsReadForTheResultAreReadOnly() {
    JpaValidationRepository validations = new JpaValidationRepository();
    validations.em = entityManager();
    validations.listByProcessForReading("TCIa", "IDPb");
    assertEquals("True", onlyHint("eclipselink.read-only"));
  }

  @Test
  void validationsOfALockedRecordAreManaged() {
    JpaValidationRepository validations = new JpaValidationRepository();
    validations.em = entityManager();
    validations.listByProcess("TCIa", "IDPb");
    assertFalse(hints.values().iterator().next().containsKey("eclipselink.read-only"));
  }
}
