package io.idforge.identity.core.application;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.core.security.OtpKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;

/**
 * Keyed hashes of document numbers, so a tenant's processes can be found by the number read from
 * the document while the number itself is stored only sealed. The number is normalised first
 * (letters and digits, upper case: "1.020.304.050" and "1020304050" are one number) and hashed
 * with HMAC-SHA256 under the one-time-code key ring with its own purpose label; without the key a
 * leaked tag cannot be matched by trying every number.
 */
@ApplicationScoped
public class DocumentTags {

  static final String PURPOSE = "document";

  @Inject OtpKeys keys;

  /** The tag of a number as a person types it; empty when it has no letter or digit. */
  public Optional<String> of(String number) {
    String normal = normalise(number);
    return normal.isEmpty() ? Optional.empty() : Optional.of(keys.tag(PURPOSE, normal));
  }

  /** The tag of the number a document check recorded in its details ({@code document_details.document_number}). */
  public Optional<String> fromDetails(String detailsJson) {
    if (detailsJson == null) {
      return Optional.empty();
    }
    try {
      JsonObject details = JSON.createReader(new StringReader(detailsJson)).readObject().getJsonObject("document_details");
      return details != null && details.get("document_number") instanceof JsonString number
          ? of(number.getString())
          : Optional.empty();
    } catch (JsonException | ClassCastException e) {
      return Optional.empty();
    }
  }

  static String normalise(String number) {
    return number == null ? "" : number.replaceAll("[^\\p{L}\\p{Nd}]", "").toUpperCase(Locale.ROOT);
  }
}
