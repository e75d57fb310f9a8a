package io.idforge.identity.core.document.numbers;

import java.util.Locale;

/**
 * Validates a document number for one country and document type. {@link #forCountry} picks the
 * algorithm; when none is known it answers a validator whose results are all {@code skipped}
 * (reason {@code no_algorithm}), so callers never have to special-case unknown documents.
 *
 * <p>Choices (document types are Truora's, e.g. {@code national-id}, {@code passport}):
 *
 * <ul>
 *   <li>{@code passport}, any country: {@link PassportNumberValidator} (format; the MRZ check digit
 *       when built with one).
 *   <li>CO {@code national-id}: {@link ColombianCedulaValidator}.
 *   <li>MX {@code national-id} or {@code curp}: {@link CurpValidator}. Assumption: the number
 *       extracted from a Mexican voter card (INE) is its CURP, which is what Truora's {@code
 *       invalid_curp} reason implies; a flow that stores the <i>clave de elector</i> instead must
 *       not use this mapping.
 *   <li>CL {@code national-id} or {@code rut}: {@link RutValidator} (the RUN uses the same mod 11).
 *   <li>PE {@code national-id} or {@code dni}: {@link PeruvianDniValidator}.
 *   <li>BR {@code national-id}, {@code driver-license} or {@code cpf}: {@link CpfValidator}.
 *       Assumption: the extracted number of Brazilian documents is the CPF (the new CIN is numbered
 *       by CPF and the CNH prints it); an old state RG number would fail.
 * </ul>
 */
@FunctionalInterface
public interface DocumentNumberValidator {

  /**
   * Validates {@code number} as printed; separators such as dots, hyphens and spaces are ignored.
   */
  NumberCheck validate(String number);

  /**
   * The validator for a document of {@code documentType} issued by {@code iso2} (both
   * case-insensitive; either may be null, which yields the skipping validator unless the type is a
   * passport).
   */
  static DocumentNumberValidator forCountry(String iso2, String documentType) {
    String country = iso2 == null ? "" : iso2.trim().toUpperCase(Locale.ROOT);
    String type = documentType == null ? "" : documentType.trim().toLowerCase(Locale.ROOT);
    if (type.equals("passport")) {
      return PassportNumberValidator.formatOnly();
    }
    return switch (country + ":" + type) {
      case "CO:national-id" -> new ColombianCedulaValidator();
      case "MX:national-id", "MX:curp" -> new CurpValidator();
      case "CL:national-id", "CL:rut" -> new RutValidator();
      case "PE:national-id", "PE:dni" -> new PeruvianDniValidator();
      case "BR:national-id", "BR:driver-license", "BR:cpf" -> new CpfValidator();
      default -> number -> NumberCheck.skipped("no_algorithm");
    };
  }
}
