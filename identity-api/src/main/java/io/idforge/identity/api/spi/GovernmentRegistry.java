package io.idforge.identity.api.spi;

import java.time.LocalDate;

/**
 * Port for checking a document against the issuing country's identity registry (e.g. Colombia's
 * Registraduría, Mexico's RENAPO). Registries are reached through an adapter that speaks the
 * enterprise's gateway protocol; when the registry cannot be reached the answer is
 * {@link Verdict#UNAVAILABLE}, which the service records as {@code government_database_unavailable}
 * and never as valid.
 */
public interface GovernmentRegistry {

  /** True when a registry gateway is configured for at least one country. */
  boolean isConfigured();

  /** Whether this registry covers documents of {@code country} (ISO 3166 alpha-2). */
  boolean covers(String country);

  /** Looks the document up. Must not throw for an outage: report {@link Verdict#UNAVAILABLE}. */
  RegistryAnswer check(RegistryQuery query);

  /** What is asked: the document and the data read from it. */
  record RegistryQuery(
      String country,
      String documentType,
      String documentNumber,
      String name,
      String lastName,
      LocalDate dateOfBirth,
      LocalDate issueDate) {}

  /** What the registry said. {@code registry} names it for the result item. */
  record RegistryAnswer(Verdict verdict, String registry, String message) {}

  /** The registry's verdict on the document. */
  enum Verdict {
    /** Found, current and matching the data read from the document. */
    VALID,
    /** Found but the data disagree ({@code data_not_match_with_government_database}). */
    DATA_MISMATCH,
    /** Not found in the registry. */
    NOT_FOUND,
    /** Found but cancelled, e.g. the holder died or the document was reissued. */
    CANCELLED,
    /** The registry could not be reached or answered with an error. */
    UNAVAILABLE
  }
}
