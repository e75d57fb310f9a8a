package io.idforge.identity.core.application.steps;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.api.spi.FaceMatcher;
import io.idforge.identity.api.spi.LivenessAction;
import io.idforge.identity.api.spi.LivenessChecker;
import io.idforge.identity.api.spi.LivenessReport;
import io.idforge.identity.core.application.CheckInputs;
import io.idforge.identity.core.application.MediaService;
import io.idforge.identity.core.domain.flow.LivenessConfig;
import io.idforge.identity.core.domain.media.MediaKind;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.validation.Validation;
import io.idforge.identity.core.engine.CheckResult;
import io.idforge.identity.core.engine.ProcessEngine;
import io.idforge.identity.core.engine.ProcessRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

  /**
   * Review reason when a step asks for active liveness but a single selfie arrived (a browser that
   * cannot record: no camera, no script, the file input) and the step's fallback is review.
   */
  public static final String LIVENESS_NOT_RECORDED = "liveness_not_recorded";

  /** Decline reason of a burst that does not show the asked actions by one face. */
  public static final String LIVENESS_NOT_PASSED = "liveness_verification_not_passed";

  /** Decline (user-fixable) reason of a burst showing every asked action, but out of order. */
  public static final String ACTIONS_OUT_OF_ORDER = "actions_not_in_expected_order";

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Logger LOG = Logger.getLogger(FaceStepHandler.class.getName());

  @Inject Instance<FaceMatcher> faceMatchers;

  @Inject Instance<LivenessChecker> livenessCheckers;

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

  /**
   * The actions this attempt asks for, chosen here on the attempt's first view and stored (two or
   * three distinct actions in random order, one of them {@code open-mouth}); the client cannot
   * choose or change them.
   */
  public List<String> challenge(Validation v) {
    return v.livenessChallenge(FaceStepHandler::chooseActions);
  }

  /**
   * Two or three distinct actions in random order, always including {@code open-mouth}: a
   * printed photo turned or tilted close to the camera can read as a head turn or tilt in the
   * landmarks (perspective; docs/liveness-evaluation.md), but no picture opens its mouth.
   */
  static List<String> chooseActions() {
    List<LivenessAction> head = new ArrayList<>(List.of(LivenessAction.values()));
    head.remove(LivenessAction.OPEN_MOUTH);
    Collections.shuffle(head, RANDOM);
    List<LivenessAction> chosen = new ArrayList<>(head.subList(0, 1 + RANDOM.nextInt(2)));
    chosen.add(LivenessAction.OPEN_MOUTH);
    Collections.shuffle(chosen, RANDOM);
    return chosen.stream().map(LivenessAction::wireValue).toList();
  }

  /**
   * A recorded liveness burst: checked for size and picture type like a selfie, stored as one
   * sealed object with its first frame as the selfie shown in results, and submitted.
   *
   * @throws InvalidRequestException for a burst of the wrong length or one asked for no actions
   *     (a field error that costs no attempt)
   * @return the notice for the user (a retry reason), or null when the check was submitted
   */
  public String submitBurst(ProcessRecord r, Validation v, List<byte[]> frames) {
    if (v.livenessActions().isEmpty()) {
      throw new InvalidRequestException("Invalid request: no liveness actions were asked for this attempt");
    }
    int min = Math.max(LivenessChecker.MIN_FRAMES,
        LivenessChecker.NEUTRAL_FRAMES + 2 * v.livenessActions().size());
    if (frames == null || frames.size() < min || frames.size() > LivenessChecker.MAX_FRAMES) {
      throw new InvalidRequestException("Invalid request: a liveness recording has " + min + " to "
          + LivenessChecker.MAX_FRAMES + " frames");
    }
    long total = 0;
    for (byte[] frame : frames) {
      if (frame == null || frame.length == 0) {
        throw new InvalidRequestException("Invalid request: a liveness frame is empty");
      }
      Optional<String> refused = UploadLimits.refusal(frame);
      if (refused.isPresent()) {
        return engine.refuse(r, v, refused.get(), null);
      }
      total += frame.length;
    }
    if (total > FrameBurst.MAX_BYTES) {
      throw new InvalidRequestException("Invalid request: a liveness recording must be at most 12 MB");
    }
    byte[] first = frames.get(0);
    String selfieId = media.store(v.clientId(), v.processId(), MediaKind.SELFIE, DocumentStepHandler.mimeType(first), first);
    String framesId = media.store(v.clientId(), v.processId(), MediaKind.LIVENESS_FRAMES, FrameBurst.MIME_TYPE,
        FrameBurst.pack(frames));
    v.attachBurst(framesId, selfieId);
    engine.submit(r, v);
    return null;
  }

  /** Whether an engine is installed and loaded. */
  public boolean engineAvailable() {
    return engine().isPresent();
  }

  /** Compares the selfie with the portrait (about 50 ms on one core); runs without any lock. */
  public CheckResult check(CheckInputs in) {
    if (in.liveness().active()) {
      return checkLiveness(in);
    }
    return compare(in, in.selfie(), null);
  }

  /**
   * Active liveness first (about 15 ms per frame), then the frontal frame against the portrait.
   * A single selfie on an active step never passes: review or decline, per the step's fallback.
   */
  private CheckResult checkLiveness(CheckInputs in) {
    if (in.frames() == null || in.livenessActions().isEmpty()) {
      Liveness none = new Liveness("failure", List.of());
      return LivenessConfig.FALLBACK_DECLINE.equals(in.liveness().fallback())
          ? new CheckResult.Failed(LIVENESS_NOT_PASSED, details("failure", null, none))
          : new CheckResult.Undecided(LIVENESS_NOT_RECORDED, details("pending", null, new Liveness("pending", List.of())));
    }
    Optional<LivenessChecker> checker = livenessEngine();
    if (checker.isEmpty()) {
      return new CheckResult.Undecided(FACE_MATCHING_OFF, details("pending", null, new Liveness("pending", List.of())));
    }
    List<LivenessAction> asked = in.livenessActions().stream()
        .map(a -> LivenessAction.fromWire(a).orElseThrow()).toList();
    LivenessReport report;
    try {
      report = checker.get().check(in.frames(), asked);
    } catch (FaceEngineException e) {
      LOG.log(Level.WARNING, "liveness check failed for validation " + in.validationId(), e);
      return new CheckResult.Broken(null);
    }
    LOG.fine(() -> "liveness of " + in.validationId() + ": " + report.verdict() + " (" + report.detail() + ")");
    Liveness live = new Liveness(report.passed() ? "success" : "failure", report.actions());
    return switch (report.verdict()) {
      case PASSED -> compare(in, in.frames().get(report.referenceFrame()), live);
      case OUT_OF_ORDER -> new CheckResult.Failed(ACTIONS_OUT_OF_ORDER, details("failure", null, live));
      case NO_FACE -> new CheckResult.Failed("no_face_detected", details("failure", null, live));
      case UNREADABLE -> new CheckResult.Failed("file_format_not_supported", details("failure", null, live));
      case ACTIONS_MISSING, NOT_ONE_FACE -> new CheckResult.Failed(LIVENESS_NOT_PASSED, details("failure", null, live));
    };
  }

  /** The similarity check of {@code selfie} against the portrait; {@code live} passed, or null. */
  private CheckResult compare(CheckInputs in, byte[] selfie, Liveness live) {
    Optional<FaceMatcher> matcher = engine();
    if (matcher.isEmpty() || in.portrait() == null) {
      return new CheckResult.Undecided(matcher.isEmpty() ? FACE_MATCHING_OFF : NO_REFERENCE_PORTRAIT, details("pending", null, live));
    }
    FaceComparison result;
    try {
      result = matcher.get().compare(selfie, in.portrait());
    } catch (FaceEngineException e) {
      LOG.log(Level.WARNING, "face engine failed for validation " + in.validationId(), e);
      return new CheckResult.Broken(null);
    }
    double threshold = in.threshold() == null ? 0.65 : in.threshold();
    CheckResult checked = switch (result.verdict()) {
      case COMPARED ->
          result.similarity() >= threshold
              ? new CheckResult.Passed(details("success", result.similarity(), live))
              : new CheckResult.Failed("similarity_threshold_not_passed", details("failure", result.similarity(), live));
      // The catalogue has one code for an unusable selfie; the user gets a hint on what to fix.
      case NO_FACE_IN_SELFIE -> new CheckResult.Failed("no_face_detected", details("failure", null, live));
      // A picture that cannot be decoded (a damaged file) is not a missing face.
      case UNREADABLE_IMAGE -> new CheckResult.Failed("file_format_not_supported", details("failure", null, live));
      case MULTIPLE_FACES_IN_SELFIE ->
          new CheckResult.Failed("no_face_detected", details("failure", null, live), SELFIE_MULTIPLE_FACES);
      case FACE_TOO_SMALL -> new CheckResult.Failed("no_face_detected", details("failure", null, live), SELFIE_FACE_TOO_SMALL);
      case NO_FACE_ON_DOCUMENT -> new CheckResult.Failed("face_not_detected", details("failure", null, live));
      case DOCUMENT_FACE_UNCLEAR -> new CheckResult.Failed("face_not_clear", details("failure", null, live));
    };
    return withEngineDetail(checked, threshold, result);
  }

  /**
   * Adds what the engine measured ({@code engine}: similarity, threshold and its note on face
   * sizes, sharpness and distance) to the stored details, for reviewers. The wire's
   * {@code ValidationDetails} has no such member, so API answers and webhooks are unchanged.
   */
  static CheckResult withEngineDetail(CheckResult checked, double threshold, FaceComparison result) {
    JsonObjectBuilder engine = JSON.createObjectBuilder().add("threshold", threshold)
        .add("detail", result.detail() == null ? "" : result.detail());
    if (result.verdict() == FaceComparison.Verdict.COMPARED) {
      engine.add("similarity", Math.round(result.similarity() * 10000) / 10000.0);
    }
    java.util.function.UnaryOperator<String> add = d -> {
      try (jakarta.json.JsonReader reader = JSON.createReader(new java.io.StringReader(d))) {
        return JSON.createObjectBuilder(reader.readObject()).add("engine", engine).build().toString();
      }
    };
    if (checked instanceof CheckResult.Passed p) {
      return new CheckResult.Passed(add.apply(p.details()));
    }
    if (checked instanceof CheckResult.Failed f) {
      return new CheckResult.Failed(f.reason(), add.apply(f.details()), f.hint());
    }
    return checked;
  }

  private Optional<FaceMatcher> engine() {
    if (!faceMatchers.isResolvable()) {
      return Optional.empty();
    }
    FaceMatcher m = faceMatchers.get();
    return m.isAvailable() ? Optional.of(m) : Optional.empty();
  }

  private Optional<LivenessChecker> livenessEngine() {
    if (!livenessCheckers.isResolvable()) {
      return Optional.empty();
    }
    LivenessChecker c = livenessCheckers.get();
    return c.isAvailable() ? Optional.of(c) : Optional.empty();
  }

  /** The liveness part of the details: overall status and each asked action's outcome. */
  private record Liveness(String status, List<LivenessReport.ActionResult> actions) {}

  private static String details(String similarityStatus, Double score, Liveness live) {
    JsonObjectBuilder face = JSON.createObjectBuilder().add("similarity_status", similarityStatus);
    if (score != null) {
      face.add("confidence_score", Math.round(score * 10000) / 10000.0);
    }
    if (live != null) {
      face.add("liveness_status", live.status());
      JsonArrayBuilder actions = JSON.createArrayBuilder();
      for (LivenessReport.ActionResult a : live.actions()) {
        actions.add(JSON.createObjectBuilder().add("action", a.action().wireValue())
            .add("status", a.seen() ? "success" : "failure"));
      }
      face.add("actions_status", actions);
    }
    return JSON.createObjectBuilder().add("face_recognition_validations", face).build().toString();
  }
}
