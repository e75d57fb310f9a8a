package io.idforge.identity.core.application;

import io.idforge.identity.core.domain.flow.LivenessConfig;
import io.idforge.identity.core.domain.flow.StepType;
import java.util.List;

/**
 * Everything one check needs, read (and decrypted) in a short transaction before the check runs
 * without any lock or connection held.
 *
 * @param minimumAge the flow's minimum age (documents), or null
 * @param threshold the face similarity threshold (faces), or null
 * @param portrait the reference portrait a selfie is compared with (faces), or null when none
 * @param liveness the face step's active-liveness setting ({@link LivenessConfig#OFF} otherwise)
 * @param livenessActions the actions asked for this attempt, in order (empty when none were asked)
 * @param frames the recorded burst of this attempt, or null when a single selfie was sent
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
    Double threshold,
    LivenessConfig liveness,
    List<String> livenessActions,
    List<byte[]> frames) {

  /** Inputs of a check without liveness (documents, single selfies). */
  public CheckInputs(String validationId, int attempt, StepType type, String documentCountry, String documentType,
      byte[] front, String frontMimeType, byte[] reverse, byte[] selfie, byte[] portrait, Integer minimumAge,
      Double threshold) {
    this(validationId, attempt, type, documentCountry, documentType, front, frontMimeType, reverse, selfie, portrait,
        minimumAge, threshold, LivenessConfig.OFF, List.of(), null);
  }
}
