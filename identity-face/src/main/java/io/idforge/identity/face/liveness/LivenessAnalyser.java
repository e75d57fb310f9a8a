package io.idforge.identity.face.liveness;

import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.api.spi.LivenessAction;
import io.idforge.identity.api.spi.LivenessChecker;
import io.idforge.identity.api.spi.LivenessReport;
import io.idforge.identity.api.spi.LivenessReport.ActionResult;
import io.idforge.identity.api.spi.LivenessReport.Verdict;
import io.idforge.identity.face.engine.FaceEngine;
import io.idforge.identity.face.engine.FrameFace;
import io.idforge.identity.face.engine.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the face engine over a burst and judges it: every frame is decoded, shrunk to at most
 * {@link #MAX_SIDE} pixels (the detector works at 320×240 anyway; this bounds the pixel work of a
 * burst), its faces counted, the largest one's landmarks turned into a {@link FacePose}, and its
 * descriptor compared with the reference frame's. About 15 ms per frame on one core.
 */
public final class LivenessAnalyser {

  /** Longest side a frame is analysed at. */
  public static final int MAX_SIDE = 640;

  private final FaceEngine engine;
  private final LivenessRules rules;
  private final ActionJudge judge;

  public LivenessAnalyser(FaceEngine engine, LivenessRules rules) {
    this.engine = engine;
    this.rules = rules;
    this.judge = new ActionJudge(rules);
  }

  /** Decodes and judges a burst (see {@link LivenessChecker#check}). */
  public LivenessReport check(List<byte[]> frames, List<LivenessAction> asked)
      throws FaceEngineException {
    List<RgbImage> images = new ArrayList<>();
    for (byte[] frame : frames) {
      Optional<RgbImage> decoded = engine.decode(frame);
      if (decoded.isEmpty()) {
        return new LivenessReport(Verdict.UNREADABLE, unseen(asked), -1,
            "frame " + images.size() + " not decodable");
      }
      images.add(shrink(decoded.get(), MAX_SIDE));
    }
    return judge(images, asked);
  }

  /** Judges decoded frames. */
  public LivenessReport judge(List<RgbImage> frames, List<LivenessAction> asked)
      throws FaceEngineException {
    if (frames.size() < LivenessChecker.MIN_FRAMES || frames.size() > LivenessChecker.MAX_FRAMES
        || asked.isEmpty() || frames.size() < LivenessChecker.NEUTRAL_FRAMES + 2 * asked.size()) {
      throw new IllegalArgumentException("a burst holds " + LivenessChecker.MIN_FRAMES + ".."
          + LivenessChecker.MAX_FRAMES + " frames, two per asked action and two neutral ones");
    }
    List<FrameFace> faces = new ArrayList<>();
    List<FacePose> poses = new ArrayList<>();
    int missing = 0;
    for (int i = 0; i < frames.size(); i++) {
      FrameFace f = engine.frame(frames.get(i));
      if (f.faces() > 1) {
        return new LivenessReport(Verdict.NOT_ONE_FACE, unseen(asked), -1,
            f.faces() + " faces in frame " + i);
      }
      faces.add(f);
      poses.add(f.usable() ? FacePose.of(f.landmarks()) : null);
      missing += f.usable() ? 0 : 1;
    }
    if (missing > rules.maxFramesWithoutFace() * frames.size()) {
      return new LivenessReport(Verdict.NO_FACE, unseen(asked), -1,
          missing + " of " + frames.size() + " frames without a usable face");
    }
    LivenessReport verdict = judge.judge(poses, asked);
    if (verdict.referenceFrame() < 0) {
      return verdict;
    }
    float[] reference = faces.get(verdict.referenceFrame()).descriptor();
    FacePose base = ActionJudge.baseline(poses.subList(0, LivenessChecker.NEUTRAL_FRAMES));
    double still = 0;
    double turned = 0;
    for (int i = 0; i < faces.size(); i++) {
      FrameFace f = faces.get(i);
      if (f.usable()) {
        double d = FaceEngine.distance(reference, f.descriptor());
        if (judge.shown(poses.get(i), base).isEmpty()) {
          still = Math.max(still, d);
        } else {
          turned = Math.max(turned, d);
        }
      }
    }
    String identity = String.format(Locale.ROOT, "largest frame distance %.3f still, %.3f in action",
        still, turned);
    if (still > rules.maxFrameDistance() || turned > rules.maxTurnedFrameDistance()) {
      return new LivenessReport(Verdict.NOT_ONE_FACE, verdict.actions(), verdict.referenceFrame(),
          "the face changed: " + identity + "; " + verdict.detail());
    }
    return new LivenessReport(verdict.verdict(), verdict.actions(), verdict.referenceFrame(),
        verdict.detail() + "; " + identity);
  }

  /** The poses of decoded frames (null without a usable face), for the evaluation report. */
  public List<FacePose> poses(List<RgbImage> frames) throws FaceEngineException {
    List<FacePose> poses = new ArrayList<>();
    for (RgbImage frame : frames) {
      FrameFace f = engine.frame(frame);
      poses.add(f.usable() ? FacePose.of(f.landmarks()) : null);
    }
    return poses;
  }

  private static List<ActionResult> unseen(List<LivenessAction> asked) {
    return asked.stream().map(a -> new ActionResult(a, false)).toList();
  }

  /** A box-averaged copy whose longest side is at most {@code max} (the picture itself if so). */
  static RgbImage shrink(RgbImage image, int max) {
    int w = image.width();
    int h = image.height();
    int longest = Math.max(w, h);
    if (longest <= max) {
      return image;
    }
    int factor = (longest + max - 1) / max;
    int ow = w / factor;
    int oh = h / factor;
    int[] out = new int[ow * oh];
    int n = factor * factor;
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int dy = 0; dy < factor; dy++) {
          for (int dx = 0; dx < factor; dx++) {
            int p = image.rgb(x * factor + dx, y * factor + dy);
            r += (p >> 16) & 0xFF;
            g += (p >> 8) & 0xFF;
            b += p & 0xFF;
          }
        }
        out[y * ow + x] = ((r / n) << 16) | ((g / n) << 8) | (b / n);
      }
    }
    return new RgbImage(ow, oh, out);
  }
}
