package io.idforge.identity.api.accounts;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account as answered by {@code POST /v1/accounts} (201) and {@code GET
 * /v1/accounts/{account_id}}, in Truora's shape. {@code last_name} arrives upper-cased from the
 * domain.
 *
 * @param accountId {@code account_id}
 * @param country {@code country}
 * @param creationDate {@code creation_date}
 * @param documentType {@code document_type} wire value
 * @param email {@code email}
 * @param firstName {@code first_name}
 * @param lastName {@code last_name}
 * @param nationalId {@code national_id}, the document number
 * @param phoneNumber {@code phone_number}
 * @param validatorsPrepared {@code validators_prepared}: validator name to readiness, keys in
 *     {@link #VALIDATORS} order
 */
@JsonbPropertyOrder({
  "accountId",
  "country",
  "creationDate",
  "documentType",
  "email",
  "firstName",
  "lastName",
  "nationalId",
  "phoneNumber",
  "validatorsPrepared"
})
public record AccountResponse(
    @JsonbProperty("account_id") String accountId,
    @JsonbProperty("country") String country,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("document_type") String documentType,
    @JsonbProperty("email") String email,
    @JsonbProperty("first_name") String firstName,
    @JsonbProperty("last_name") String lastName,
    @JsonbProperty("national_id") String nationalId,
    @JsonbProperty("phone_number") String phoneNumber,
    @JsonbProperty("validators_prepared") Map<String, Boolean> validatorsPrepared) {

  /** The keys of {@code validators_prepared}, in Truora's order. */
  public static final List<String> VALIDATORS =
      List.of(
          "document-validation",
          "electronic-signature",
          "email-verification",
          "enterprise-data",
          "face-recognition",
          "face-search",
          "identity-questions",
          "phone-verification",
          "voice-recognition",
          "authenticate");

  /** A {@code validators_prepared} map with every validator false, in {@link #VALIDATORS} order. */
  public static Map<String, Boolean> noValidatorsPrepared() {
    Map<String, Boolean> map = new LinkedHashMap<>();
    for (String v : VALIDATORS) {
      map.put(v, Boolean.FALSE);
    }
    return Collections.unmodifiableMap(map);
  }
}
