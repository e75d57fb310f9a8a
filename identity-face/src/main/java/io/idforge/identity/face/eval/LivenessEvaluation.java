package io.idforge.identity.face.eval;

import io.idforge.identity.api.spi.FaceEngineException;
import io.idforge.identity.api.spi.LivenessAction;
import io.idforge.identity.api.spi.LivenessChecker;
import io.idforge.identity.api.spi.LivenessReport;
import io.idforge.identity.api.spi.LivenessReport.Verdict;
import io.idforge.identity.face.engine.FaceAnalysis;
import io.idforge.identity.face.engine.FaceBox;
import io.idforge.identity.face.engine.FaceEngine;
import io.idforge.identity.face.engine.FrameFace;
import io.idforge.identity.face.engine.RgbImage;
import io.idforge.identity.face.engine.Role;
import io.idforge.identity.face.liveness.LivenessAnalyser;
import io.idforge.identity.face.liveness.LivenessRules;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The synthetic liveness evaluation: from each subject's still portrait, bursts of camera-like
 * frames (640×480 portrait-free framing, a little hand shake, sensor noise, JPEG 0.85) of five
 * kinds, each judged by {@link LivenessAnalyser} with the production rules:
 *
 * <ul>
 *   <li>{@code live}: the asked actions performed in order ({@link SyntheticHeadMotion} warps:
 *       turns of 18-30 degrees, tilts of 18-28, the mouth opened 0.3-0.5 of its width), should pass;
 *   <li>{@code still}: the neutral portrait in every frame, should fail;
 *   <li>{@code hand-held}: the neutral portrait shifted, turned in-plane up to 10 degrees and
 *       scaled ±10 % in every frame (a photo held up and moved), should fail;
 *   <li>{@code reordered}: the asked actions performed in another order, should fail;
 *   <li>{@code replay}: a live burst made for another challenge, should fail.
 * </ul>
 *
 * Synthetic means synthetic: warps of one photo per person, not people in front of a camera.
 */
public final class LivenessEvaluation {

  /** Frame size the page sends (portrait 480×640 is what phones give; the warps do not care). */
  public static final int FRAME_WIDTH = 480;
  public static final int FRAME_HEIGHT = 640;

  /** Subjects whose neutral selfie is turned further than this (yaw measure) are left out. */
  public static final double MAX_SUBJECT_YAW = 0.25;

  /** Focal length in pixels of a phone's front camera (about 70 degrees across 480 px). */
  static final double FOCAL = 340;

  /** Frames per action turn, as the hosted page records them. */
  public static final int FRAMES_PER_ACTION = 4;

  /** The kinds of burst. */
  public enum Kind {
    LIVE(true), STILL(false), HAND_HELD(false), TILTED_PHOTO(false), REORDERED(false), REPLAY(false);

    final boolean shouldPass;

    Kind(boolean shouldPass) {
      this.shouldPass = shouldPass;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** A subject ready for motion: its framed neutral picture and that picture's landmarks. */
  public record Subject(String id, BufferedImage neutral, double[] landmarks) {}

  /** One judged burst. */
  public record Outcome(String subject, Kind kind, List<LivenessAction> asked, LivenessReport report,
      long millis, int frames) {

    public boolean correct() {
      return report.passed() == kind.shouldPass;
    }
  }

  private final FaceEngine engine;
  private final LivenessAnalyser analyser;

  public LivenessEvaluation(FaceEngine engine) {
    this.engine = engine;
    this.analyser = new LivenessAnalyser(engine, LivenessRules.defaults());
  }

  /**
   * Frames each subject's selfie: the face scaled to about 200 px wide, centred in a 480×640 frame
   * on grey. A subject whose framed picture yields no usable face, or who does not face the
   * camera, is left out with a note; so is every subject beyond {@code maxSubjects}.
   */
  public List<Subject> prepare(List<SubjectFace> faces, int maxSubjects, List<String> notes)
      throws FaceEngineException {
    List<Subject> out = new ArrayList<>();
    for (SubjectFace f : faces) {
      FrameFace found = engine.frame(RgbImage.of(f.selfie()));
      if (!found.usable()) {
        // Small faces of the group photos are below the selfie floor: upscale them first.
        BufferedImage up = scale(f.selfie(), 200.0 / Math.max(20, f.selfieFaceWidth()));
        found = engine.frame(RgbImage.of(up));
        if (!found.usable()) {
          notes.add(f.id() + " left out: no usable face in its selfie");
          continue;
        }
        f = new SubjectFace(f.id(), f.photo(), f.singlePortrait(), up, 200, f.portrait());
      }
      FaceBox box = found.face().orElseThrow();
      BufferedImage framed = frame(f.selfie(), box, 200.0 / box.width());
      FrameFace again = engine.frame(RgbImage.of(framed));
      if (!again.usable() || again.faces() != 1) {
        notes.add(f.id() + " left out: framed picture shows " + again.faces() + " faces");
        continue;
      }
      // A phone held up in front of the face sees the head upright (the page shows an upright
      // oval; the capture adds a degree of roll): level the eye line, so that the warps' turns
      // and tilts are about the face's own axes, not a mix of both.
      framed = level(framed, again.landmarks());
      again = engine.frame(RgbImage.of(framed));
      if (!again.usable() || again.faces() != 1) {
        notes.add(f.id() + " left out: levelled picture shows " + again.faces() + " faces");
        continue;
      }
      // What the service demands of a selfie (one face, large and sharp enough), a phone
      // camera in focus at arm's length delivers; a blurred group-photo face it does not.
      FaceAnalysis selfie = engine.analyse(RgbImage.of(framed), Role.SELFIE);
      if (selfie.outcome() != FaceAnalysis.Outcome.FACE) {
        notes.add(f.id() + " left out: not a usable selfie (" + selfie.detail() + ")");
        continue;
      }
      double yaw = io.idforge.identity.face.liveness.FacePose.of(again.landmarks()).yaw();
      if (Math.abs(yaw) > MAX_SUBJECT_YAW) {
        // The hosted page asks the user to face the camera first; a profile photo is no selfie.
        notes.add(String.format(Locale.ROOT, "%s left out: not frontal (yaw %.2f)", f.id(), yaw));
        continue;
      }
      if (out.size() == maxSubjects) {
        notes.add(f.id() + " left out: the run is capped at " + maxSubjects + " subjects");
        continue;
      }
      out.add(new Subject(f.id(), framed, again.landmarks()));
    }
    return out;
  }

  /** Judges {@code liveBursts} live bursts and one of each attack per subject. */
  public List<Outcome> run(List<Subject> subjects, long seed, int liveBursts) throws FaceEngineException {
    Random rnd = new Random(seed);
    List<Outcome> outcomes = new ArrayList<>();
    for (Subject s : subjects) {
      SyntheticHeadMotion motion = new SyntheticHeadMotion(s.neutral(), s.landmarks());
      for (int i = 0; i < liveBursts; i++) {
        List<LivenessAction> asked = challenge(rnd);
        outcomes.add(judge(s, Kind.LIVE, asked, live(motion, asked, rnd), rnd));
      }
      List<LivenessAction> asked = challenge(rnd);
      int n = LivenessChecker.NEUTRAL_FRAMES + FRAMES_PER_ACTION * asked.size();
      List<BufferedImage> still = new ArrayList<>();
      List<BufferedImage> held = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        still.add(s.neutral());
        held.add(SyntheticHeadMotion.handHeld(s.neutral(), rnd.nextGaussian() * 25,
            rnd.nextGaussian() * 25, (rnd.nextDouble() * 2 - 1) * 10, 0.9 + 0.2 * rnd.nextDouble()));
      }
      outcomes.add(judge(s, Kind.STILL, asked, still, rnd));
      outcomes.add(judge(s, Kind.HAND_HELD, asked, held, rnd));
      // The printed photo turned and tilted for each asked head movement (held still for the
      // mouth, which a picture cannot open).
      outcomes.add(judge(s, Kind.TILTED_PHOTO, asked, tilted(s.neutral(), asked, rnd), rnd));
      List<LivenessAction> reordered = new ArrayList<>(asked);
      while (reordered.equals(asked)) {
        Collections.shuffle(reordered, rnd);
      }
      outcomes.add(judge(s, Kind.REORDERED, asked, live(motion, reordered, rnd), rnd));
      List<LivenessAction> other = challenge(rnd);
      while (other.equals(asked)) {
        other = challenge(rnd);
      }
      outcomes.add(judge(s, Kind.REPLAY, asked, live(motion, other, rnd), rnd));
    }
    return outcomes;
  }

  /**
   * Two or three distinct actions as the service picks them (FaceStepHandler): one or two head
   * movements and {@code open-mouth}, in random order.
   */
  static List<LivenessAction> challenge(Random rnd) {
    List<LivenessAction> head = new ArrayList<>(List.of(LivenessAction.LOOK_LEFT,
        LivenessAction.LOOK_RIGHT, LivenessAction.LOOK_UP, LivenessAction.LOOK_DOWN));
    Collections.shuffle(head, rnd);
    List<LivenessAction> chosen = new ArrayList<>(head.subList(0, 1 + rnd.nextInt(2)));
    chosen.add(LivenessAction.OPEN_MOUTH);
    Collections.shuffle(chosen, rnd);
    return List.copyOf(chosen);
  }

  /**
   * The printed picture, flat in the neutral frames, then turned or tilted for each asked action
   * by 25-40 degrees (further than a head turns: a photo has no neck to stop it), bent by up to
   * 8 % of its width, 340 px focal length (a phone's front camera at 480 px across).
   */
  private static List<BufferedImage> tilted(BufferedImage picture, List<LivenessAction> actions,
      Random rnd) {
    List<BufferedImage> frames = new ArrayList<>();
    for (int k = 0; k < LivenessChecker.NEUTRAL_FRAMES; k++) {
      frames.add(picture);
    }
    double[] ramp = {0.5, 1.0, 1.0, 0.7};
    for (LivenessAction a : actions) {
      double full = 25 + 15 * rnd.nextDouble();
      double bend = 0.08 * picture.getWidth() * rnd.nextDouble();
      for (int k = 0; k < FRAMES_PER_ACTION; k++) {
        double v = full * ramp[k];
        frames.add(switch (a) {
          case LOOK_LEFT -> SyntheticHeadMotion.tiltedPhoto(picture, v, 0, bend, FOCAL);
          case LOOK_RIGHT -> SyntheticHeadMotion.tiltedPhoto(picture, -v, 0, bend, FOCAL);
          case LOOK_UP -> SyntheticHeadMotion.tiltedPhoto(picture, 0, v, bend, FOCAL);
          case LOOK_DOWN -> SyntheticHeadMotion.tiltedPhoto(picture, 0, -v, bend, FOCAL);
          default -> picture;
        });
      }
    }
    return frames;
  }

  /** Neutral frames, then per action a ramp: half way, full, full, easing back. */
  private static List<BufferedImage> live(SyntheticHeadMotion motion, List<LivenessAction> actions,
      Random rnd) {
    List<BufferedImage> frames = new ArrayList<>();
    for (int k = 0; k < LivenessChecker.NEUTRAL_FRAMES; k++) {
      frames.add(motion.neutral());
    }
    double[] ramp = {0.5, 1.0, 1.0, 0.7};
    for (LivenessAction a : actions) {
      double full = switch (a) {
        case LOOK_LEFT, LOOK_RIGHT -> 18 + 12 * rnd.nextDouble();
        case LOOK_UP, LOOK_DOWN -> 18 + 10 * rnd.nextDouble();
        case OPEN_MOUTH -> 0.3 + 0.2 * rnd.nextDouble();
      };
      for (int k = 0; k < FRAMES_PER_ACTION; k++) {
        double v = full * ramp[k];
        frames.add(switch (a) {
          case LOOK_LEFT -> motion.turn(v, 0);
          case LOOK_RIGHT -> motion.turn(-v, 0);
          case LOOK_UP -> motion.turn(0, v);
          case LOOK_DOWN -> motion.turn(0, -v);
          case OPEN_MOUTH -> motion.openMouth(v);
        });
      }
    }
    return frames;
  }

  private Outcome judge(Subject s, Kind kind, List<LivenessAction> asked, List<BufferedImage> frames,
      Random rnd) throws FaceEngineException {
    List<byte[]> bytes = new ArrayList<>();
    for (BufferedImage f : frames) {
      // A phone in the hand: a few pixels of shake, a degree of roll, sensor noise, JPEG.
      BufferedImage shaken = SyntheticHeadMotion.handHeld(f, rnd.nextGaussian() * 3,
          rnd.nextGaussian() * 3, rnd.nextGaussian(), 1 + rnd.nextGaussian() * 0.01);
      bytes.add(jpeg(noisy(shaken, rnd, 3), 0.85f));
    }
    long started = System.nanoTime();
    LivenessReport report = analyser.check(bytes, asked);
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new Outcome(s.id(), kind, asked, report, millis, bytes.size());
  }

  /** The Markdown report of a run. */
  public static String report(List<Outcome> outcomes, int subjects, List<String> notes) {
    StringBuilder md = new StringBuilder();
    md.append("| burst | should | bursts | passed | verdicts |\n|---|---|---|---|---|\n");
    Map<Kind, List<Outcome>> byKind = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      byKind.put(k, outcomes.stream().filter(o -> o.kind() == k).toList());
    }
    for (Map.Entry<Kind, List<Outcome>> e : byKind.entrySet()) {
      List<Outcome> list = e.getValue();
      Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
      list.forEach(o -> verdicts.merge(o.report().verdict(), 1, Integer::sum));
      long passed = list.stream().filter(o -> o.report().passed()).count();
      md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d (%.1f %%) | %s |%n", e.getKey().label(),
          e.getKey().shouldPass ? "pass" : "fail", list.size(), passed,
          list.isEmpty() ? 0 : 100.0 * passed / list.size(), verdicts));
    }
    List<Long> times = outcomes.stream().map(Outcome::millis).sorted().toList();
    md.append(String.format(Locale.ROOT, "%nSubjects: %d. Check time per burst (%d-%d frames, decode "
        + "included): median %d ms, max %d ms.%n", subjects,
        outcomes.stream().mapToInt(Outcome::frames).min().orElse(0),
        outcomes.stream().mapToInt(Outcome::frames).max().orElse(0),
        times.isEmpty() ? 0 : times.get(times.size() / 2), times.isEmpty() ? 0 : times.get(times.size() - 1)));
    md.append("\nHow close the photo attacks came: the largest change any of them showed of an asked "
        + "action in its turn, in multiples of its threshold (1.00 would count in that frame):\n");
    for (Kind k : List.of(Kind.STILL, Kind.HAND_HELD, Kind.TILTED_PHOTO)) {
      double peak = outcomes.stream().filter(o -> o.kind() == k)
          .mapToDouble(o -> peak(o.report().detail())).filter(v -> !Double.isNaN(v))
          .max().orElse(Double.NaN);
      md.append(String.format(Locale.ROOT, "%n- %s: %.2f", k.label(), peak));
    }
    md.append('\n');
    for (String n : notes) {
      md.append("\n- ").append(n);
    }
    List<Outcome> wrong = outcomes.stream().filter(o -> !o.correct()).toList();
    if (!wrong.isEmpty()) {
      md.append("\n\nMisjudged bursts:\n");
      for (Outcome o : wrong) {
        md.append(String.format(Locale.ROOT, "%n- %s %s asked %s: %s (%s)", o.subject(), o.kind().label(),
            o.asked().stream().map(LivenessAction::wireValue).toList(), o.report().verdict(),
            o.report().detail()));
      }
    }
    return md.append('\n').toString();
  }

  /** The largest "peak" the judge's detail names (its per-turn trace), NaN when none. */
  static double peak(String detail) {
    Matcher m = PEAK.matcher(detail);
    double max = Double.NaN;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      max = Double.isNaN(max) ? v : Math.max(max, v);
    }
    return max;
  }

  private static final Pattern PEAK = Pattern.compile("peak (-?[0-9.]+|-?Infinity)");

  private static BufferedImage frame(BufferedImage selfie, FaceBox box, double factor) {
    BufferedImage out = new BufferedImage(FRAME_WIDTH, FRAME_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setColor(new Color(118, 118, 118));
    g.fillRect(0, 0, FRAME_WIDTH, FRAME_HEIGHT);
    double cx = (box.x1() + box.x2()) / 2 * factor;
    double cy = (box.y1() + box.y2()) / 2 * factor;
    int dx = (int) Math.round(FRAME_WIDTH / 2.0 - cx);
    int dy = (int) Math.round(FRAME_HEIGHT * 0.45 - cy);
    g.drawImage(selfie, dx, dy, (int) Math.round(selfie.getWidth() * factor),
        (int) Math.round(selfie.getHeight() * factor), null);
    g.dispose();
    return out;
  }

  /** {@code picture} turned about the eye midpoint so that the line through the eyes is level. */
  static BufferedImage level(BufferedImage picture, double[] landmarks) {
    double[] a = eye(landmarks, 36);
    double[] b = eye(landmarks, 42);
    double roll = Math.atan2(b[1] - a[1], b[0] - a[0]);
    BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setColor(new Color(118, 118, 118));
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.rotate(-roll, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
    g.drawImage(picture, 0, 0, null);
    g.dispose();
    return out;
  }

  private static double[] eye(double[] l, int from) {
    double x = 0;
    double y = 0;
    for (int i = from; i < from + 6; i++) {
      x += l[2 * i];
      y += l[2 * i + 1];
    }
    return new double[] {x / 6, y / 6};
  }

  private static BufferedImage scale(BufferedImage src, double factor) {
    int w = Math.max(1, (int) Math.round(src.getWidth() * factor));
    int h = Math.max(1, (int) Math.round(src.getHeight() * factor));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  private static BufferedImage noisy(BufferedImage src, Random rnd, double sigma) {
    int w = src.getWidth();
    int h = src.getHeight();
    int[] p = src.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < p.length; i++) {
      int r = clamp(((p[i] >> 16) & 0xFF) + rnd.nextGaussian() * sigma);
      int g = clamp(((p[i] >> 8) & 0xFF) + rnd.nextGaussian() * sigma);
      int b = clamp((p[i] & 0xFF) + rnd.nextGaussian() * sigma);
      p[i] = (r << 16) | (g << 8) | b;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, p, 0, w);
    return out;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  /** Baseline JPEG at {@code quality}. */
  public static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
