package io.idforge.identity.client;

import jakarta.ws.rs.core.Form;

/**
 * The usual forms of {@link ValidationsClient} and {@link EnrollmentsClient}, with the user's
 * authorisation ({@code user_authorized=true}) that Truora requires; add fields with {@code
 * param(name, value)}.
 */
public final class ValidationForms {

  private ValidationForms() {}

  /** A document validation: {@code country} (e.g. CO) and {@code document_type} (e.g. national-id). */
  public static Form document(String country, String documentType) {
    return authorized("document-validation").param("country", country).param("document_type", documentType);
  }

  /** A selfie compared with the account's face enrollment or latest document. */
  public static Form face(String accountId) {
    return authorized("face-recognition").param("account_id", accountId);
  }

  /** An e-mail code to {@code email} (null: the account's enrolled address). */
  public static Form email(String accountId, String email) {
    Form f = authorized("email-verification").param("account_id", accountId);
    return email == null ? f : f.param("email", email);
  }

  /** The code the user typed, for {@link ValidationsClient#submitCode}. */
  public static Form code(String type, String code) {
    return new Form().param("type", type).param("token", code);
  }

  /** A face reference photo for {@link EnrollmentsClient#create}; answered with its upload link. */
  public static Form faceEnrollment(String accountId) {
    return authorized("face-recognition").param("account_id", accountId);
  }

  private static Form authorized(String type) {
    return new Form().param("type", type).param("user_authorized", "true");
  }
}
