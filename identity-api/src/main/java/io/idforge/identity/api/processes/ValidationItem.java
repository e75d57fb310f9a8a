package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One check inside {@link DocumentValidations}, e.g. {@code date-of-birth-validation}.
 *
 * @param validationName {@code validation_name}, human readable
 * @param result {@code result}: {@code valid}, {@code invalid} or {@code skipped}
 * @param validationType {@code validation_type}, the stable code
 * @param message {@code message}
 * @param manuallyReviewed {@code manually_reviewed}
 * @param createdAt {@code created_at}
 */
@JsonbPropertyOrder({
  "validationName",
  "result",
  "validationType",
  "message",
  "manuallyReviewed",
  "createdAt"
})
public record ValidationItem(
    @JsonbProperty("validation_name") String validationName,
    @JsonbProperty("result") String result,
    @JsonbProperty("validation_type") String validationType,
    @JsonbProperty("message") String message,
    @JsonbProperty("manually_reviewed") boolean manuallyReviewed,
    @JsonbProperty("created_at") OffsetDateTime createdAt) {}
