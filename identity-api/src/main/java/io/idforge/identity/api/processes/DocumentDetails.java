package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/**
 * {@code details.document_details} of a document validation: the data read from the document.
 * Members are country-dependent; absent ones are omitted. Dates are midnight UTC timestamps, as
 * Truora writes them ({@code "1988-06-21T00:00:00Z"}).
 *
 * @param docId {@code doc_id} ({@code DCR...})
 * @param country {@code country}
 * @param documentType {@code document_type}
 * @param documentNumber {@code document_number}
 * @param name {@code name}
 * @param lastName {@code last_name}
 * @param dateOfBirth {@code date_of_birth}
 * @param gender {@code gender}
 * @param height {@code height}, a string such as {@code "1.75"}
 * @param rh {@code rh}, blood type
 * @param issueDate {@code issue_date}
 * @param expirationDate {@code expiration_date}
 * @param birthPlace {@code birth_place}
 * @param expeditionPlace {@code expedition_place}
 * @param nationalRegistrar {@code national_registrar}
 * @param productionData {@code production_data}
 * @param machineReadable {@code machine_readable}, the MRZ
 * @param mimeType {@code mime_type}
 * @param creationDate {@code creation_date}
 * @param updateDate {@code update_date}
 */
@JsonbPropertyOrder({
  "docId",
  "country",
  "documentType",
  "documentNumber",
  "name",
  "lastName",
  "dateOfBirth",
  "gender",
  "height",
  "rh",
  "issueDate",
  "expirationDate",
  "birthPlace",
  "expeditionPlace",
  "nationalRegistrar",
  "productionData",
  "machineReadable",
  "mimeType",
  "creationDate",
  "updateDate"
})
public record DocumentDetails(
    @JsonbProperty("doc_id") String docId,
    @JsonbProperty("country") String country,
    @JsonbProperty("document_type") String documentType,
    @JsonbProperty("document_number") String documentNumber,
    @JsonbProperty("name") String name,
    @JsonbProperty("last_name") String lastName,
    @JsonbProperty("date_of_birth") OffsetDateTime dateOfBirth,
    @JsonbProperty("gender") String gender,
    @JsonbProperty("height") String height,
    @JsonbProperty("rh") String rh,
    @JsonbProperty("issue_date") OffsetDateTime issueDate,
    @JsonbProperty("expiration_date") OffsetDateTime expirationDate,
    @JsonbProperty("birth_place") String birthPlace,
    @JsonbProperty("expedition_place") String expeditionPlace,
    @JsonbProperty("national_registrar") String nationalRegistrar,
    @JsonbProperty("production_data") String productionData,
    @JsonbProperty("machine_readable") String machineReadable,
    @JsonbProperty("mime_type") String mimeType,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("update_date") OffsetDateTime updateDate) {}
