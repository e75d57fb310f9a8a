package io.idforge.identity.core.application;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.core.document.CheckItem;
import io.idforge.identity.core.document.DocumentData;
import io.idforge.identity.core.document.DocumentDates;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code details} of a document validation in Truora's shape ({@code document_details},
 * {@code document_validations.data_consistency / image_analysis / government_database}), stored as
 * JSON on the validation and read back by the result API.
 */
public final class DocumentDetailsJson {

  private DocumentDetailsJson() {}

  public static String of(DocumentInspection inspection, String mimeType, OffsetDateTime now) {
    DocumentData d = inspection.data();
    JsonObjectBuilder details = JSON.createObjectBuilder();
    put(details, "country", d.country());
    put(details, "document_type", d.documentType());
    put(details, "document_number", d.documentNumber());
    put(details, "name", d.name());
    put(details, "last_name", d.lastName());
    putDate(details, "date_of_birth", d.dateOfBirth());
    put(details, "gender", d.gender());
    putDate(details, "issue_date", d.issueDate());
    putDate(details, "expiration_date", d.expirationDate());
    put(details, "rh", inspection.bloodType());
    put(details, "machine_readable", inspection.machineReadable());
    put(details, "mime_type", mimeType);
    details.add("creation_date", now.toString());
    JsonObjectBuilder validations = JSON.createObjectBuilder();
    items(validations, "data_consistency", inspection.dataConsistency(), now);
    items(validations, "image_analysis", inspection.imageAnalysis(), now);
    items(validations, "government_database", inspection.governmentDatabase(), now);
    return JSON.createObjectBuilder()
        .add("document_details", details)
        .add("document_validations", validations)
        .build()
        .toString();
  }

  private static void items(JsonObjectBuilder out, String group, List<CheckItem> items, OffsetDateTime now) {
    if (items.isEmpty()) {
      return;
    }
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (CheckItem i : items) {
      array.add(
          JSON.createObjectBuilder()
              .add("validation_name", i.validationName())
              .add("result", i.result().wireValue())
              .add("validation_type", i.validationType())
              .add("message", i.message())
              .add("manually_reviewed", false)
              .add("created_at", now.toString()));
    }
    out.add(group, array);
  }

  private static void put(JsonObjectBuilder o, String key, String value) {
    if (value != null) {
      o.add(key, value);
    }
  }

  /** Truora writes dates as midnight UTC date-times. */
  private static void putDate(JsonObjectBuilder o, String key, String value) {
    Optional.ofNullable(value)
        .flatMap(DocumentDates::parse)
        .ifPresent(date -> o.add(key, date.atStartOfDay().atOffset(ZoneOffset.UTC).toString().replace("Z", ":00Z")));
  }
}
