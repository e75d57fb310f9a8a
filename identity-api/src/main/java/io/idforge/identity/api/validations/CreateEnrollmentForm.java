package io.idforge.identity.api.validations;

import io.idforge.identity.api.common.FormReader;
import io.idforge.identity.api.common.WireFormats;
import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.api.flows.StepType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form-encoded body of {@code POST /v1/enrollments}, parsed strictly like {@link
 * CreateValidationForm}.
 *
 * <p>Invariants after {@code parse}: {@code user_authorized} was true; {@code account_id} is set;
 * a phone enrollment has an E.164 {@code phone_number}, an e-mail one an {@code email}, a face
 * one neither.
 *
 * @param type {@code type}: face-recognition, email-verification or phone-verification
 * @param accountId {@code account_id}, required
 * @param phoneNumber {@code phone_number} (phone)
 * @param email {@code email} (e-mail)
 */
public record CreateEnrollmentForm(StepType type, String accountId, String phoneNumber, String email) {

  private static final Set<String> FIELDS =
      Set.of("type", "user_authorized", "account_id", "phone_number", "email", "country", "phone_type", "confirmation");

  /** @throws InvalidInputException naming the first offending field */
  public static CreateEnrollmentForm parse(Map<String, List<String>> form) {
    FormReader in = FormReader.of(form);
    in.rejectUnknown(FIELDS::contains);
    StepType type =
        StepType.fromWire(in.required("type"))
            .filter(t -> t != StepType.DOCUMENT_VALIDATION)
            .orElseThrow(() -> new InvalidInputException(
                "type", "type must be one of face-recognition, email-verification, phone-verification"));
    if (!"true".equals(in.optional("user_authorized").orElse(null))) {
      throw new InvalidInputException("user_authorized", "user_authorized must be true: the user must authorize the enrollment");
    }
    String accountId = WireFormats.checkAccountId("account_id", in.required("account_id"));
    String phone = in.optional("phone_number").map(p -> WireFormats.checkPhone("phone_number", p)).orElse(null);
    String email = in.optional("email").map(e -> WireFormats.checkEmail("email", e)).orElse(null);
    if (type == StepType.PHONE_VERIFICATION && phone == null) {
      throw new InvalidInputException("phone_number", "phone_number is required for phone-verification");
    }
    if (type == StepType.EMAIL_VERIFICATION && email == null) {
      throw new InvalidInputException("email", "email is required for email-verification");
    }
    if ((phone != null && type != StepType.PHONE_VERIFICATION) || (email != null && type != StepType.EMAIL_VERIFICATION)) {
      throw new InvalidInputException(phone != null ? "phone_number" : "email",
          (phone != null ? "phone_number" : "email") + " does not apply to " + type.wireValue());
    }
    return new CreateEnrollmentForm(type, accountId, phone, email);
  }
}
