package io.idforge.identity.api.validations;

import io.idforge.identity.api.common.FormReader;
import io.idforge.identity.api.common.WireFormats;
import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.flows.StepType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The form-encoded body of {@code POST /v1/validations} (Truora's "Create Validation"), parsed
 * strictly by {@link #parse(Map)}: unknown or repeated fields and malformed values are an {@link
 * InvalidInputException} naming the field, as Truora answers 400. Rules that need the tenant (does
 * {@code retry_of_id} exist? does the account have an e-mail?) are the service's.
 *
 * <p>Invariants after {@code parse}: {@code user_authorized} was {@code true}; {@code country}
 * and {@code document_type} are set for documents and only for them, {@code ALL} only with a
 * passport; {@code threshold} is in 0..1 and only for faces; {@code timeout} is within Truora's
 * limit for the type; {@code phone_number} is E.164.
 *
 * @param type {@code type}, required
 * @param accountId {@code account_id}; the service generates one for documents when null
 * @param country {@code country}, upper case (documents)
 * @param documentType {@code document_type} (documents)
 * @param threshold {@code threshold} (faces); null for the default 0.65
 * @param timeoutSeconds {@code timeout} in seconds; null for the default 300
 * @param retryOfId {@code retry_of_id}
 * @param allowedRetries {@code allowed_retries}, IdForge's stand-in for Truora's validator config
 * @param language {@code language}, es or en (e-mail)
 * @param phoneNumber {@code phone_number} (phone), E.164
 * @param email {@code email} (e-mail)
 */
public record CreateValidationForm(
    StepType type,
    String accountId,
    String country,
    String documentType,
    Double threshold,
    Integer timeoutSeconds,
    String retryOfId,
    Integer allowedRetries,
    String language,
    String phoneNumber,
    String email) {

  /** Countries of a document validation (Truora's list plus VE and PA; ALL is for passports). */
  public static final Set<String> COUNTRIES = Set.of("ALL", "CO", "CL", "MX", "PE", "BR", "CR", "SV", "VE", "PA", "EC");

  /** Document types Truora's document validator names. */
  public static final List<String> DOCUMENT_TYPES =
      List.of(
          "national-id", "foreign-id", "driver-license", "passport", "identity-card", "rut", "ppt", "invoice",
          "picture-id", "record", "cnh", "temporary-national-id", "pep", "general-registration");

  /** Longest {@code timeout} of phone and e-mail validations, in seconds. */
  public static final int MAX_OTP_TIMEOUT = 600;

  /** Longest {@code timeout} of document and face validations, in seconds (six hours). */
  public static final int MAX_MEDIA_TIMEOUT = 21_600;

  private static final Set<String> FIELDS =
      Set.of(
          "type", "user_authorized", "account_id", "country", "document_type", "threshold", "timeout",
          "retry_of_id", "allowed_retries", "language", "phone_number", "email", "subvalidations");

  /**
   * Parses and validates the raw form.
   *
   * @param form the form fields; a JAX-RS {@code MultivaluedMap<String, String>} fits
   * @throws InvalidInputException naming the first offending field
   */
  public static CreateValidationForm parse(Map<String, List<String>> form) {
    FormReader in = FormReader.of(form);
    in.rejectUnknown(FIELDS::contains);
    StepType type =
        StepType.fromWire(in.required("type"))
            .orElseThrow(() -> new InvalidInputException("type", "type must be one of " + StepType.allowedValues()));
    if (!"true".equals(in.optional("user_authorized").orElse(null))) {
      throw new InvalidInputException("user_authorized", "user_authorized must be true: the user must authorize the validation");
    }
    String accountId = in.optional("account_id").map(a -> WireFormats.checkAccountId("account_id", a)).orElse(null);
    boolean document = type == StepType.DOCUMENT_VALIDATION;
    String country = onlyFor(in, "country", document, type).map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
    String documentType = onlyFor(in, "document_type", document, type).orElse(null);
    if (document) {
      if (country == null) {
        throw new InvalidInputException("country", "country is required for document-validation");
      }
      if (!COUNTRIES.contains(country)) {
        throw new InvalidInputException("country", "country must be one of " + String.join(", ", COUNTRIES.stream().sorted().toList()));
      }
      if (documentType == null) {
        throw new InvalidInputException("document_type", "document_type is required for document-validation");
      }
      if (!DOCUMENT_TYPES.contains(documentType)) {
        throw new InvalidInputException("document_type", "document_type must be one of " + String.join(", ", DOCUMENT_TYPES));
      }
      if ("ALL".equals(country) != "passport".equals(documentType)) {
        throw new InvalidInputException("country", "country ALL goes with document_type passport, and only with it");
      }
    }
    Double threshold = onlyFor(in, "threshold", type == StepType.FACE_RECOGNITION, type).map(CreateValidationForm::threshold).orElse(null);
    onlyFor(in, "subvalidations", type == StepType.FACE_RECOGNITION, type).ifPresent(s -> {
      if (!"similarity".equals(s)) {
        throw new InvalidInputException("subvalidations", "subvalidations supports only similarity");
      }
    });
    Integer timeout = in.optional("timeout").map(t -> timeout(t, type)).orElse(null);
    Integer allowedRetries = in.optional("allowed_retries").map(a -> allowedRetries(a, type)).orElse(null);
    String language =
        onlyFor(in, "language", type == StepType.EMAIL_VERIFICATION, type)
            .map(l -> {
              if (!l.equals("es") && !l.equals("en")) {
                throw new InvalidInputException("language", "language must be es or en");
              }
              return l;
            })
            .orElse(null);
    String phone =
        onlyFor(in, "phone_number", type == StepType.PHONE_VERIFICATION, type)
            .map(p -> WireFormats.checkPhone("phone_number", p))
            .orElse(null);
    String email =
        onlyFor(in, "email", type == StepType.EMAIL_VERIFICATION, type).map(e -> WireFormats.checkEmail("email", e)).orElse(null);
    String retryOf = in.optional("retry_of_id").map(r -> WireFormats.checkText("retry_of_id", r, 1, 40)).orElse(null);
    return new CreateValidationForm(
        type, accountId, country, documentType, threshold, timeout, retryOf, allowedRetries, language, phone, email);
  }

  /** A field that belongs to one validator only: given for another, it is a mistake worth naming. */
  private static java.util.Optional<String> onlyFor(FormReader in, String field, boolean applies, StepType type) {
    java.util.Optional<String> value = in.optional(field);
    if (value.isPresent() && !applies) {
      throw new InvalidInputException(field, field + " does not apply to " + type.wireValue());
    }
    return value;
  }

  private static Double threshold(String value) {
    try {
      double t = Double.parseDouble(value);
      if (!(t >= 0 && t <= 1)) {
        throw new NumberFormatException();
      }
      return t;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("threshold", "invalid threshold: threshold must be a number between 0 and 1");
    }
  }

  private static Integer timeout(String value, StepType type) {
    int max = type == StepType.PHONE_VERIFICATION || type == StepType.EMAIL_VERIFICATION ? MAX_OTP_TIMEOUT : MAX_MEDIA_TIMEOUT;
    int t = integer("timeout", value);
    if (t < 1 || t > max) {
      throw new InvalidInputException("timeout", "timeout must be between 1 and " + max + " seconds for " + type.wireValue());
    }
    return t;
  }

  private static Integer allowedRetries(String value, StepType type) {
    int max =
        switch (type) {
          case DOCUMENT_VALIDATION -> 3;
          case FACE_RECOGNITION -> 2;
          default -> 4;
        };
    int a = integer("allowed_retries", value);
    if (a < 0 || a > max) {
      throw new InvalidInputException("allowed_retries", "allowed_retries must be between 0 and " + max + " for " + type.wireValue());
    }
    return a;
  }

  private static int integer(String field, String value) {
    if (!value.matches("\\d{1,6}")) {
      throw new InvalidInputException(field, field + " must be a whole number");
    }
    return Integer.parseInt(value);
  }
}
