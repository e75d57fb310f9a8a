package io.idforge.identity.core.document;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The date items of {@link DataConsistency} for one document on one day: birth date, age bounds,
 * expiry and issue. Ages are in full years ({@link Period#between}).
 */
final class DateChecks {

  private final DocumentData data;
  private final LocalDate today;
  private final Optional<LocalDate> birth;
  private final Optional<LocalDate> expiry;

  DateChecks(DocumentData data, LocalDate today) {
    this.data = data;
    this.today = today;
    this.birth = DocumentDates.parse(data.dateOfBirth()).filter(d -> !d.isAfter(today));
    this.expiry = DocumentDates.parse(data.expirationDate());
  }

  CheckItem dateOfBirth() {
    String name = "date-of-birth";
    String type = "date-of-birth-validation";
    if (data.dateOfBirth() == null) {
      return CheckItem.invalid(
          name, type, "Date of birth could not be extracted", "missing_date_of_birth");
    }
    Optional<LocalDate> parsed = DocumentDates.parse(data.dateOfBirth());
    if (parsed.isEmpty()) {
      return CheckItem.invalid(
          name,
          type,
          "Date of birth is not a date: " + data.dateOfBirth(),
          "missing_date_of_birth");
    }
    if (parsed.get().isAfter(today)) {
      return CheckItem.invalid(
          name, type, "Date of birth " + parsed.get() + " is in the future", "data_inconsistency");
    }
    return CheckItem.valid(name, type, "Date of birth is valid");
  }

  CheckItem ageAboveThreshold(int maximumAge) {
    String name = "age-above-threshold";
    String type = "age-above-threshold-validation";
    if (birth.isEmpty()) {
      return CheckItem.skipped(name, type, "No valid date of birth");
    }
    int age = age();
    if (age > maximumAge) {
      return CheckItem.invalid(
          name, type, "Holder is " + age + ", above " + maximumAge, "age_above_threshold");
    }
    return CheckItem.valid(name, type, "Holder is not above " + maximumAge);
  }

  CheckItem minimumAge(int minimumAge) {
    String name = "minimum-age";
    String type = "minimum-age-validation";
    if (birth.isEmpty()) {
      return CheckItem.skipped(name, type, "No valid date of birth");
    }
    int age = age();
    if (age < minimumAge) {
      return CheckItem.invalid(
          name, type, "Holder is " + age + ", under " + minimumAge, "underage");
    }
    return CheckItem.valid(name, type, "Holder is at least " + minimumAge);
  }

  CheckItem expirationDate() {
    String name = "expiration-date";
    String type = "expiration-date-validation";
    if (data.expirationDate() == null) {
      return data.isPassport()
          ? CheckItem.invalid(
              name, type, "Expiration date could not be extracted", "missing_expiration_date")
          : CheckItem.skipped(name, type, "Document has no expiration date");
    }
    if (expiry.isEmpty()) {
      return CheckItem.invalid(
          name,
          type,
          "Expiration date is not a date: " + data.expirationDate(),
          "missing_expiration_date");
    }
    if (expiry.get().isBefore(today)) {
      return CheckItem.invalid(
          name, type, "Document expired on " + expiry.get(), "document_has_expired");
    }
    return CheckItem.valid(name, type, "Document is not expired");
  }

  CheckItem issueDate() {
    String name = "issue-date";
    String type = "issue-date-validation";
    if (data.issueDate() == null) {
      return CheckItem.skipped(name, type, "No issue date");
    }
    Optional<LocalDate> issue = DocumentDates.parse(data.issueDate());
    if (issue.isEmpty()) {
      return CheckItem.invalid(
          name, type, "Issue date is not a date: " + data.issueDate(), "invalid_issue_date");
    }
    LocalDate d = issue.get();
    if (d.isAfter(today)) {
      return CheckItem.invalid(
          name, type, "Issue date " + d + " is in the future", "invalid_issue_date");
    }
    if (birth.isPresent() && d.isBefore(birth.get())) {
      return CheckItem.invalid(
          name, type, "Issue date " + d + " is before the date of birth", "invalid_issue_date");
    }
    if (expiry.isPresent() && d.isAfter(expiry.get())) {
      return CheckItem.invalid(
          name, type, "Issue date " + d + " is after the expiration date", "invalid_issue_date");
    }
    return CheckItem.valid(name, type, "Issue date is consistent");
  }

  private int age() {
    return Period.between(birth.orElseThrow(), today).getYears();
  }
}
