package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.StepType;

/**
 * Everything one check needs, read (and decrypted) in a short transaction before the check runs
 * without any lock or connection held.
 *
 * @param minimumAge the flow's minimum age (documents), or null
 * @param threshold the face similarity threshold (faces), or null
 * @param portrait the reference portrait a selfie is compared with (faces), or null when none
 */
public record CheckInputs(
    String validationId,
    int attempt,
    StepType type,
    String documentCountry,
    String documentType,
    byte[] front,
    String frontMimeType,
    byte[] reverse,
    byte[] selfie,
    byte[] portrait,
    Integer minimumAge,
    Double threshold) {}
