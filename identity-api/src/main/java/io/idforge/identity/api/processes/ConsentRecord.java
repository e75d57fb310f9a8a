package io.idforge.identity.api.processes;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/**
 * The {@code consent} of a process: the end user's answer to the data authorization (Truora's
 * {@code enter_authorization} step) on the hosted flow's welcome screen.
 *
 * @param status {@code given} or {@code refused}
 * @param textVersion {@code text_version}: the version and language of the text shown, e.g. {@code 1/es}
 * @param creationDate {@code creation_date}: when the user answered
 * @param ipAddress {@code ip_address} the answer came from
 * @param userAgent {@code user_agent} of the browser, at most 512 characters
 */
@JsonbPropertyOrder({"status", "textVersion", "creationDate", "ipAddress", "userAgent"})
public record ConsentRecord(
    @JsonbProperty("status") String status,
    @JsonbProperty("text_version") String textVersion,
    @JsonbProperty("creation_date") OffsetDateTime creationDate,
    @JsonbProperty("ip_address") String ipAddress,
    @JsonbProperty("user_agent") String userAgent) {}
