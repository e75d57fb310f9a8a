package io.idforge.identity.core.application.steps;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.api.spi.FaceMatcher;
import io.idforge.identity.core.application.CheckInputs;
import io.idforge.identity.core.application.MediaService;
import io.idforge.identity.core.domain.media.MediaKind;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.engine.CheckResult;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The face step: takes a selfie, stores it encrypted and submits the validation; its check compares
 * the selfie with the reference portrait (the document's) on the installed {@link FaceMatcher}.
 * Without an engine, or without a portrait, a human decides: never a pass by default.
 */
@ApplicationScoped
public class FaceStepHandler {

  /** Review reason when no face engine is installed: never a pass by default. */
  public static final String FACE_MATCHING_OFF = "face_matching_off";

  /** Review reason when there is no portrait to compare the selfie with. */
  public static final String NO_REFERENCE_PORTRAIT = "no_reference_portrait";

  /** Retry hint: the selfie shows more than one face (recorded as {@code no_face_detected}). */
  public static final String SELFIE_MULTIPLE_FACES = "selfie_multiple_faces";

  /** Retry hint: the face is too small or blurred (recorded as {@code no_face_detected}). */
  public static final String SELFIE_FACE_TOO_SMALL = "selfie_face_too_small";

  private static final Logger LOG = Logger.getLogger(FaceStepHandler.class.getName());

  @Inject Instance<FaceMatcher> faceMatchers;

  @Inject MediaService media;

  @Inject ProcessEngine engine;

  /**
   * @param selfie the uploaded bytes; an empty upload is a field error that costs no attempt, a
   *     non-image uses a retry
   * @return the notice for the user (a retry reason), or null when the check was submitted
   */
  public String submit(ProcessRecord r, Validation v, byte[] selfie) {
    if (selfie == null || selfie.length == 0) {
      throw new InvalidRequestException("Invalid request: the selfie is required");
    }
    Optional<String> refused = UploadLimits.refusal(selfie);
    if (refused.isPresent()) {
      return engine.refuse(r, v, refused.get(), null);
    }
    v.attachFace(media.store(v.clientId(), v.processId(), MediaKind.SELFIE, DocumentStepHandler.mimeType(selfie), selfie));
    engine.submit(r, v);
    return null;
  }

  /** Whether an engine is installed and loaded. */
  public boolean engineAvailable() {
    return engine().isPresent();
  }

  /** Compares the selfie with the portrait (about 50 ms on one core); runs without any lock. */
  public CheckResult check(CheckInputs in) {
    Optional<FaceMatcher> matcher = engine();
    if (matcher.isEmpty() || in.portrait() == null) {
      return new CheckResult.Undecided(matcher.isEmpty() ? FACE_MATCHING_OFF : NO_REFERENCE_PORTRAIT, details("pending", null));
    }
    FaceComparison result;
    try {
      result = matcher.get().compare(in.selfie(), in.portrait());
    } catch (FaceEngineException e) {
      LOG.log(Level.WARNING, "face engine failed for validation " + in.validationId(), e);
      return new CheckResult.Broken(null);
    }
    double threshold = in.threshold() == null ? 0.65 : in.threshold();
    return switch (result.verdict()) {
      case COMPARED ->
          result.similarity() >= threshold
              ? new CheckResult.Passed(details("success", result.similarity()))
              : new CheckResult.Failed("similarity_threshold_not_passed", details("failure", result.similarity()));
      // The catalogue has one code for an unusable selfie; the user gets a hint on what to fix.
      case NO_FACE_IN_SELFIE -> new CheckResult.Failed("no_face_detected", details("failure", null));
      // A picture that cannot be decoded (a damaged file) is not a missing face.
      case UNREADABLE_IMAGE -> new CheckResult.Failed("file_format_not_supported", details("failure", null));
      case MULTIPLE_FACES_IN_SELFIE ->
          new CheckResult.Failed("no_face_detected", details("failure", null), SELFIE_MULTIPLE_FACES);
      case FACE_TOO_SMALL -> new CheckResult.Failed("no_face_detected", details("failure", null), SELFIE_FACE_TOO_SMALL);
      case NO_FACE_ON_DOCUMENT -> new CheckResult.Failed("face_not_detected", details("failure", null));
      case DOCUMENT_FACE_UNCLEAR -> new CheckResult.Failed("face_not_clear", details("failure", null));
    };
  }

  private Optional<FaceMatcher> engine() {
    if (!faceMatchers.isResolvable()) {
      return Optional.empty();
    }
    FaceMatcher m = faceMatchers.get();
    return m.isAvailable() ? Optional.of(m) : Optional.empty();
  }

  private static String details(String similarityStatus, Double score) {
    var face = JSON.createObjectBuilder().add("similarity_status", similarityStatus);
    if (score != null) {
      face.add("confidence_score", Math.round(score * 10000) / 10000.0);
    }
    return JSON.createObjectBuilder().add("face_recognition_validations", face).build().toString();
  }
}
