package io.idforge.identity.core.document.mrz;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of one parsed machine-readable zone. Text fields have their {@code <} fillers removed
 * (inner fillers of names become spaces); country codes are the ICAO three-letter codes as printed
 * ({@code D} for Germany stays {@code D}). A date is empty when its field is not a calendar date
 * (ICAO allows {@code <} for unknown parts).
 *
 * @param format TD1, TD2 or TD3
 * @param documentCode the document code without fillers, e.g. {@code P}, {@code I}, {@code ID}
 * @param issuingCountry issuing state or organisation
 * @param documentNumber the document number, including any overflow TD1/TD2 carry in their optional
 *     data
 * @param documentNumberCheckDigit the check digit printed for the document number (after the
 *     overflow for long TD1/TD2 numbers)
 * @param surnames primary identifier
 * @param givenNames secondary identifier, empty when absent
 * @param nationality nationality code
 * @param dateOfBirth birth date; the century is the latest one that does not put it in the future
 * @param sex {@code M}, {@code F} or {@code X} (unspecified, printed as {@code <} or {@code X})
 * @param expiryDate expiry date, always resolved to 20xx
 * @param optionalData TD3 personal number, TD2 optional data, or TD1 upper-line optional data
 * @param optionalData2 TD1 middle-line optional data; empty for TD2 and TD3
 * @param checks the check-digit outcomes
 * @param lines the normalised lines the fields were read from
 */
public record Mrz(
    MrzFormat format,
    String documentCode,
    String issuingCountry,
    String documentNumber,
    char documentNumberCheckDigit,
    String surnames,
    String givenNames,
    String nationality,
    Optional<LocalDate> dateOfBirth,
    String sex,
    Optional<LocalDate> expiryDate,
    String optionalData,
    String optionalData2,
    MrzChecks checks,
    List<String> lines) {

  public Mrz {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(expiryDate, "expiryDate");
    Objects.requireNonNull(checks, "checks");
    lines = List.copyOf(lines);
  }

  /** True when every check digit matches and both dates are calendar dates. */
  public boolean isValid() {
    return checks.allValid() && dateOfBirth.isPresent() && expiryDate.isPresent();
  }
}
