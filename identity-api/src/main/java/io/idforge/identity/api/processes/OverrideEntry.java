package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One entry of {@code override_status_history}: an operator changed a finished process's status.
 *
 * @param previousStatus the status that counted before ({@code success} or {@code failure})
 * @param newStatus the status the operator set
 * @param reason one of Truora's override reasons ({@code regular_client}, {@code in_person_customer},
 *     {@code meets_all_requirements}, {@code manipulated_document}, {@code manipulated_photo},
 *     {@code internal_reasons}, {@code other})
 * @param description the operator's note
 * @param user who overrode
 */
@JsonbPropertyOrder({"previousStatus", "newStatus", "reason", "description", "user", "creationDate"})
public record OverrideEntry(
    @JsonbProperty("previous_status") String previousStatus,
    @JsonbProperty("new_status") String newStatus,
    @JsonbProperty("reason") String reason,
    @JsonbProperty("description") String description,
    @JsonbProperty("user") String user,
    @JsonbProperty("creation_date") OffsetDateTime creationDate) {}
