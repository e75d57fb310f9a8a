package io.idforge.identity.core.document;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * Fields extracted from a document, as Truora names them in {@code document_details}. Values are
 * the extracted text: blank values become null, and dates stay strings because whether they parse
 * is itself a check (see {@link DocumentDates} for the accepted forms). {@code country} is
 * upper-cased ISO 3166-1 alpha-2; {@code documentType} lower-cased ({@code national-id}, {@code
 * passport}, …).
 */
public record DocumentData(
    String country,
    String documentType,
    String documentNumber,
    String name,
    String lastName,
    String dateOfBirth,
    String gender,
    String issueDate,
    String expirationDate) {

  public DocumentData {
    country = clean(country) == null ? null : clean(country).toUpperCase(Locale.ROOT);
    documentType =
        clean(documentType) == null ? null : clean(documentType).toLowerCase(Locale.ROOT);
    documentNumber = clean(documentNumber);
    name = clean(name);
    lastName = clean(lastName);
    dateOfBirth = clean(dateOfBirth);
    gender = clean(gender);
    issueDate = clean(issueDate);
    expirationDate = clean(expirationDate);
  }

  /** True when not a single holder field was extracted (country and type do not count). */
  public boolean isEmpty() {
    return Stream.of(documentNumber, name, lastName, dateOfBirth, gender, issueDate, expirationDate)
        .allMatch(v -> v == null);
  }

  public boolean isPassport() {
    return "passport".equals(documentType);
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
