package io.idforge.identity.core.document.mrz;

/**
 * Outcome of every check digit of one machine-readable zone. {@code optionalData} is {@code true}
 * for TD1 and TD2, whose optional data carries no check digit of its own.
 *
 * @param documentNumber the document-number check digit matches
 * @param dateOfBirth the date-of-birth check digit matches
 * @param expiryDate the date-of-expiry check digit matches
 * @param optionalData the TD3 personal-number check digit matches (always true for TD1/TD2)
 * @param composite the composite check digit over the upper/middle line fields matches
 */
public record MrzChecks(
    boolean documentNumber,
    boolean dateOfBirth,
    boolean expiryDate,
    boolean optionalData,
    boolean composite) {

  /** True when every check digit matches. */
  public boolean allValid() {
    return documentNumber && dateOfBirth && expiryDate && optionalData && composite;
  }

  /** How many of the five checks pass; the parser uses it to rank competing readings. */
  public int passed() {
    return (documentNumber ? 1 : 0)
        + (dateOfBirth ? 1 : 0)
        + (expiryDate ? 1 : 0)
        + (optionalData ? 1 : 0)
        + (composite ? 1 : 0);
  }
}
