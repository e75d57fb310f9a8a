package io.idforge.identity.face.liveness;

/**
 * The thresholds of active liveness. The defaults are set from the synthetic evaluation
 * (docs/liveness-evaluation.md) and the geometry of a real head; each says why.
 *
 * @param yawChange change of {@link FacePose#yaw} from the neutral frames that counts as a turn
 * @param pitchChange change of {@link FacePose#pitch} that counts as looking up or down
 * @param mouthChange rise of {@link FacePose#mouth} that counts as an open mouth
 * @param neutralYaw largest |yaw| of the neutral frames: the user must start facing the camera
 * @param maxFrameDistance largest descriptor distance between a frame and the reference frame:
 *     above it the face changed (another person took over, or the picture was swapped)
 * @param maxFramesWithoutFace share of frames that may lack a usable face (a blurred frame in a
 *     quick turn) before the burst cannot be judged
 */
public record LivenessRules(
    double yawChange, double pitchChange, double mouthChange, double neutralYaw,
    double maxFrameDistance, double maxTurnedFrameDistance, double maxFramesWithoutFace) {

  /**
   * Defaults. A turn of about 15 degrees moves the yaw measure by about 0.25 (the nose tip stands
   * about a half-face-width in front of the jaw's ends: sin 15° ≈ 0.26); landmark jitter on a still
   * face stays below 0.03. Pitch moves less per degree (the nose's drop is measured against the
   * mouth's, both shrink): 20 degrees moved it by 0.12-0.18 on the synthetic set. The mouth
   * measure of a closed mouth is 0-0.1 (0.17 for a smile showing teeth), an opening of a third of
   * the mouth's width raised it by 0.15-0.23 on the synthetic set. Frames of one face without an action stay within the default
   * face threshold's distance (0.50) of each other, with a margin; the synthetic turned frames of
   * one face reached 0.6 (a warp distorts more than a turn), another person lies at 0.53-0.94
   * (face evaluation), so a turned frame's bound only catches a clear swap: the document match of
   * the reference frame and the frontal frames' bound carry identity.
   */
  public static LivenessRules defaults() {
    return new LivenessRules(0.16, 0.08, 0.12, 0.35, 0.55, 0.70, 0.25);
  }
}
