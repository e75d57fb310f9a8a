package io.idforge.identity.core.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * Every column holding personal data, each with its converter. Each converter names
 * {@code AttributeConverter<String, String>} itself: EclipseLink reads the attribute types from
 * the converter class's own interfaces and fails deployment when they come from a superclass. {@link #ALL} is the list the
 * start-up step walks to seal rows written before encryption (V7).
 */
public final class SealedColumns {

  private SealedColumns() {}

  /** Every sealed column as {@code table.column}. */
  public static final List<String> ALL =
      List.of(
          "account.email",
          "account.document_number",
          "account.first_name",
          "account.last_name",
          "account.phone_number",
          "account.facebook_user",
          "account.twitter_user",
          "identity_process.start_data",
          "web_token.request_data",
          "validation.details",
          "validation.otp_destination",
          "review_task.note");

  @Converter
  public static final class AccountEmail extends SealedText implements AttributeConverter<String, String> {
    public AccountEmail() {
      super("account.email");
    }
  }

  @Converter
  public static final class AccountDocumentNumber extends SealedText implements AttributeConverter<String, String> {
    public AccountDocumentNumber() {
      super("account.document_number");
    }
  }

  @Converter
  public static final class AccountFirstName extends SealedText implements AttributeConverter<String, String> {
    public AccountFirstName() {
      super("account.first_name");
    }
  }

  @Converter
  public static final class AccountLastName extends SealedText implements AttributeConverter<String, String> {
    public AccountLastName() {
      super("account.last_name");
    }
  }

  @Converter
  public static final class AccountPhone extends SealedText implements AttributeConverter<String, String> {
    public AccountPhone() {
      super("account.phone_number");
    }
  }

  @Converter
  public static final class AccountFacebook extends SealedText implements AttributeConverter<String, String> {
    public AccountFacebook() {
      super("account.facebook_user");
    }
  }

  @Converter
  public static final class AccountTwitter extends SealedText implements AttributeConverter<String, String> {
    public AccountTwitter() {
      super("account.twitter_user");
    }
  }

  @Converter
  public static final class ProcessStartData extends SealedText implements AttributeConverter<String, String> {
    public ProcessStartData() {
      super("identity_process.start_data");
    }
  }

  @Converter
  public static final class TokenRequestData extends SealedText implements AttributeConverter<String, String> {
    public TokenRequestData() {
      super("web_token.request_data");
    }
  }

  @Converter
  public static final class ValidationDetails extends SealedText implements AttributeConverter<String, String> {
    public ValidationDetails() {
      super("validation.details");
    }
  }

  @Converter
  public static final class OtpDestination extends SealedText implements AttributeConverter<String, String> {
    public OtpDestination() {
      super("validation.otp_destination");
    }
  }

  @Converter
  public static final class ReviewNote extends SealedText implements AttributeConverter<String, String> {
    public ReviewNote() {
      super("review_task.note");
    }
  }
}
