package io.idforge.identity.core.document;

import io.idforge.identity.core.document.mrz.Mrz;
import io.idforge.identity.core.document.numbers.DocumentNumberValidator;
import io.idforge.identity.core.document.numbers.NumberCheck;
import io.idforge.identity.core.document.numbers.PassportNumberValidator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code data_consistency} checks of a document validation: given the extracted fields, one
 * {@link CheckItem} per check, in a fixed order. When nothing at all was extracted the result is
 * the single item {@code document_not_recognized}; otherwise every check reports, using the {@code
 * missing_*} code of the catalogue for a field it needs and cannot read.
 *
 * <table>
 *   <caption>Items</caption>
 *   <tr><th>validation_type</th><th>invalid when</th><th>reason</th></tr>
 *   <tr><td>document-number-validation</td><td>absent / fails its country algorithm</td>
 *       <td>missing_document_number / invalid_document_number, invalid_curp, invalid_mrz</td></tr>
 *   <tr><td>mrz-validation (only with an MRZ)</td><td>a check digit fails</td><td>invalid_mrz</td></tr>
 *   <tr><td>names-validation</td><td>no name nor last name</td><td>missing_names</td></tr>
 *   <tr><td>gender-validation</td><td>absent</td><td>missing_gender</td></tr>
 *   <tr><td>date-of-birth-validation</td><td>absent or unparseable / in the future</td>
 *       <td>missing_date_of_birth / data_inconsistency</td></tr>
 *   <tr><td>age-above-threshold-validation</td><td>older than {@value #MAXIMUM_AGE}</td>
 *       <td>age_above_threshold</td></tr>
 *   <tr><td>minimum-age-validation</td><td>younger than the configured minimum (0 disables)</td>
 *       <td>underage</td></tr>
 *   <tr><td>expiration-date-validation</td><td>unparseable, or absent on a passport / before
 *       today</td><td>missing_expiration_date / document_has_expired</td></tr>
 *   <tr><td>issue-date-validation</td><td>unparseable, in the future, before birth or after
 *       expiry</td><td>invalid_issue_date</td></tr>
 * </table>
 *
 * <p>A future birth date has no dedicated catalogue code; it is declined as {@code
 * data_inconsistency}, the catalogue's generic code for inconsistent document data. A document is
 * valid through its expiration date inclusive. Instances are immutable; the date is always passed
 * in.
 */
public final class DataConsistency {

  /** Holders older than this many full years are declined as {@code age_above_threshold}. */
  public static final int MAXIMUM_AGE = 100;

  static final String DISABLED = "Validation is disabled by config";

  private static final Set<String> REASON_CODES =
      Set.of(
          "document_not_recognized",
          "missing_document_number",
          NumberCheck.INVALID_DOCUMENT_NUMBER,
          NumberCheck.INVALID_CURP,
          NumberCheck.INVALID_MRZ,
          "missing_names",
          "missing_gender",
          "missing_date_of_birth",
          "data_inconsistency",
          "age_above_threshold",
          "underage",
          "missing_expiration_date",
          "document_has_expired",
          "invalid_issue_date");

  private final int minimumAge;

  /**
   * @param minimumAge the flow's {@code minimum_age}; 0 or less disables the underage check
   */
  public DataConsistency(int minimumAge) {
    this.minimumAge = minimumAge;
  }

  /** Every reason code the checks can produce. */
  public static Set<String> reasonCodes() {
    return REASON_CODES;
  }

  /** The checks of {@code data} as of {@code clock}'s current date. */
  public List<CheckItem> check(DocumentData data, Clock clock) {
    return check(data, null, LocalDate.now(clock));
  }

  /** The checks of {@code data} as of {@code today}. */
  public List<CheckItem> check(DocumentData data, LocalDate today) {
    return check(data, null, today);
  }

  /**
   * The checks of {@code data} as of {@code today}, with the zone read from the document (null when
   * it has none): a passport number is then verified against the MRZ check digit, and every MRZ
   * check digit is reported.
   */
  public List<CheckItem> check(DocumentData data, Mrz mrz, LocalDate today) {
    if (data.isEmpty() && mrz == null) {
      return List.of(
          CheckItem.invalid(
              "document-recognition", "document-recognition-validation",
              "No data could be extracted from the document", "document_not_recognized"));
    }
    List<CheckItem> items = new ArrayList<>();
    items.add(documentNumber(data, mrz));
    if (mrz != null) {
      items.add(mrzChecks(mrz));
    }
    items.add(names(data));
    items.add(gender(data));
    DateChecks dates = new DateChecks(data, today);
    items.add(dates.dateOfBirth());
    items.add(dates.ageAboveThreshold(MAXIMUM_AGE));
    items.add(
        minimumAge > 0
            ? dates.minimumAge(minimumAge)
            : CheckItem.skipped("minimum-age", "minimum-age-validation", DISABLED));
    items.add(dates.expirationDate());
    items.add(dates.issueDate());
    return List.copyOf(items);
  }

  /** The reason of the first invalid item, the one a declined validation reports. */
  public static Optional<String> declinedReason(List<CheckItem> items) {
    return items.stream()
        .filter(CheckItem::isInvalid)
        .findFirst()
        .flatMap(CheckItem::declinedReason);
  }

  private static CheckItem documentNumber(DocumentData data, Mrz mrz) {
    String name = "document-number";
    String type = "document-number-validation";
    if (data.documentNumber() == null) {
      return CheckItem.invalid(
          name, type, "Document number could not be extracted", "missing_document_number");
    }
    DocumentNumberValidator validator =
        mrz != null && data.isPassport()
            ? PassportNumberValidator.withCheckDigit(mrz.documentNumberCheckDigit())
            : DocumentNumberValidator.forCountry(data.country(), data.documentType());
    NumberCheck check = validator.validate(data.documentNumber());
    return switch (check.status()) {
      case VALID -> CheckItem.valid(name, type, "Document number passes " + check.algorithm());
      case INVALID ->
          CheckItem.invalid(
              name,
              type,
              "Document number fails " + check.algorithm() + ": " + check.reason(),
              check.declinedReason());
      case SKIPPED ->
          CheckItem.skipped(
              name,
              type,
              "No document-number rule for " + data.country() + " " + data.documentType());
    };
  }

  private static CheckItem mrzChecks(Mrz mrz) {
    String name = "machine-readable-zone";
    String type = "mrz-validation";
    if (mrz.checks().allValid()) {
      return CheckItem.valid(name, type, "All check digits of the " + mrz.format() + " zone match");
    }
    return CheckItem.invalid(
        name, type, "Check digits do not match: " + mrz.checks(), NumberCheck.INVALID_MRZ);
  }

  private static CheckItem names(DocumentData data) {
    if (data.name() == null && data.lastName() == null) {
      return CheckItem.invalid(
          "names", "names-validation", "Names could not be extracted", "missing_names");
    }
    return CheckItem.valid("names", "names-validation", "Names were extracted");
  }

  private static CheckItem gender(DocumentData data) {
    if (data.gender() == null) {
      return CheckItem.invalid(
          "gender", "gender-validation", "Gender could not be extracted", "missing_gender");
    }
    return CheckItem.valid("gender", "gender-validation", "Gender was extracted");
  }
}
