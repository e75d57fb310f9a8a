package io.idforge.identity.face.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Generates the synthetic evaluation set in the {@link PairsFile} format: for every subject a
 * "selfie" (its source photo, re-encoded and possibly resized) and a few renditions of its face on
 * a generated ID card ({@link IdCardRenderer} + {@link CaptureEffects}). Genuine pair = a
 * subject's selfie with one of its cards; impostor pair = a subject's selfie with a card of a
 * subject known to be someone else ({@link SubjectFace#knownDifferentFrom}).
 *
 * <p>Everything is drawn from the seed: the same seed, sources and JDK give the same files. The
 * set is a regression and smoke test of the plumbing; because a genuine pair shows the same
 * photograph twice it says nothing about real selfie-versus-ID accuracy (see
 * docs/face-evaluation.md).
 */
public final class SyntheticEvalSet {

  public static final long DEFAULT_SEED = 20251125L;
  public static final int DEFAULT_RENDITIONS = 2;

  /** Range of the selfie face width in pixels. */
  static final int SELFIE_FACE_MIN = 180;
  static final int SELFIE_FACE_MAX = 300;

  private static final Logger LOG = Logger.getLogger(SyntheticEvalSet.class.getName());

  private SyntheticEvalSet() {}

  /** What was written. */
  public record Summary(int subjects, int genuine, int impostor, List<String> notes) {}

  /**
   * The subjects: always the two public-domain portraits; also every face of face-api's demo
   * photos when {@code locator} is present and the pinned tarball is in {@code npmCache}.
   *
   * @param notes receives a line for every source that was left out, and why
   */
  public static List<SubjectFace> subjects(
      Path portraits, Path npmCache, Optional<FaceLocator> locator, List<String> notes)
      throws IOException {
    List<SubjectFace> subjects = new ArrayList<>(SubjectSources.portraits(portraits));
    if (locator.isEmpty()) {
      notes.add("face-api demo photos left out: no face detector to locate their faces");
    } else if (!FaceApiDemoPhotos.cached(npmCache)) {
      notes.add("face-api demo photos left out: the face-api tarball is not cached in "
          + npmCache + " (the model build caches it)");
    } else {
      subjects.addAll(
          SubjectSources.groupPhotos(FaceApiDemoPhotos.read(npmCache), locator.get()));
    }
    return subjects;
  }

  /**
   * Writes the set into {@code out} ({@code selfies/}, {@code cards/}, {@code pairs.csv}, {@code
   * renditions.csv}, {@code README.txt}), replacing a previous set there.
   *
   * @param renditions cards per subject; odd-numbered ones carry a greyscale portrait
   */
  public static Summary generate(
      Path out, List<SubjectFace> subjects, long seed, int renditions, List<String> notes)
      throws IOException {
    if (renditions < 1) {
      throw new IllegalArgumentException("at least one rendition per subject");
    }
    List<SubjectFace> sorted =
        subjects.stream().sorted(Comparator.comparing(SubjectFace::id)).toList();
    clear(out);
    Files.createDirectories(out.resolve("selfies"));
    Files.createDirectories(out.resolve("cards"));
    StringBuilder renditionsCsv = new StringBuilder(Rendition.CSV_HEADER).append('\n');
    for (SubjectFace s : sorted) {
      Random rnd = random(seed, s.id(), -1);
      // Re-encoded, and resized to a face 180..300 px wide when larger (never enlarged: upscaling
      // would only blur, and the engine rightly rejects unclear faces).
      double faceWidth = SELFIE_FACE_MIN + rnd.nextDouble() * (SELFIE_FACE_MAX - SELFIE_FACE_MIN);
      double factor = Math.min(1.0, faceWidth / s.selfieFaceWidth());
      BufferedImage selfie = factor < 1 ? CaptureEffects.resize(s.selfie(), factor) : s.selfie();
      Files.write(out.resolve(selfie(s)), CaptureEffects.jpeg(selfie, 85 + rnd.nextInt(11)));
      for (int k = 0; k < renditions; k++) {
        Random r = random(seed, s.id(), k);
        Rendition rendition = Rendition.draw(r, k % 2 == 1);
        BufferedImage card = IdCardRenderer.render(s.portrait(), rendition, r);
        BufferedImage captured = CaptureEffects.capture(card, rendition, r);
        Files.write(out.resolve(card(s, k)), CaptureEffects.jpeg(captured, rendition.jpegQuality()));
        renditionsCsv.append(rendition.csv(card(s, k))).append('\n');
      }
    }
    List<LabelledPair> pairs = new ArrayList<>();
    int genuine = 0;
    for (SubjectFace s : sorted) {
      for (int k = 0; k < renditions; k++) {
        pairs.add(new LabelledPair(selfie(s), card(s, k), Label.GENUINE, Optional.of(s.id())));
        genuine++;
      }
    }
    for (SubjectFace s : sorted) {
      for (SubjectFace t : sorted) {
        if (s.knownDifferentFrom(t)) {
          for (int k = 0; k < renditions; k++) {
            pairs.add(new LabelledPair(selfie(s), card(t, k), Label.IMPOSTOR, Optional.of(s.id())));
          }
        }
      }
    }
    PairsFile.write(out, pairs);
    Files.writeString(out.resolve("renditions.csv"), renditionsCsv, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("README.txt"), readme(seed, renditions, sorted, notes),
        StandardCharsets.UTF_8);
    Summary summary = new Summary(sorted.size(), genuine, pairs.size() - genuine, List.copyOf(notes));
    LOG.info(() -> "synthetic evaluation set: " + summary.subjects() + " subjects, "
        + summary.genuine() + " genuine and " + summary.impostor() + " impostor pairs");
    return summary;
  }

  static String selfie(SubjectFace s) {
    return "selfies/" + s.id() + ".jpg";
  }

  static String card(SubjectFace s, int k) {
    return "cards/" + s.id() + "-" + k + ".jpg";
  }

  /** A stream of its own per subject and card, so adding a source leaves the others unchanged. */
  private static Random random(long seed, String id, int k) {
    long h = seed * 0x9E3779B97F4A7C15L + id.hashCode() * 0xBF58476D1CE4E5B9L + k;
    h = (h ^ (h >>> 31)) * 0x94D049BB133111EBL;
    return new Random(h ^ (h >>> 29));
  }

  private static void clear(Path out) throws IOException {
    for (String sub : List.of("selfies", "cards")) {
      Path dir = out.resolve(sub);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
      }
    }
    Files.deleteIfExists(out.resolve(PairsFile.FILE_NAME));
  }

  private static String readme(long seed, int renditions, List<SubjectFace> subjects,
      List<String> notes) {
    StringBuilder r = new StringBuilder();
    r.append("SYNTHETIC face evaluation set, generated by io.idforge.identity.face.eval.SyntheticEvalSet\n")
        .append("seed ").append(seed).append(", ").append(renditions).append(" card(s) per subject, ")
        .append(subjects.size()).append(" subjects.\n\n")
        .append("A genuine pair shows the same photograph twice (once as the 'selfie', once printed on a\n")
        .append("generated ID card): this set is a regression and smoke test and says NOTHING about real\n")
        .append("selfie-versus-ID-document accuracy. See docs/face-evaluation.md.\n\n")
        .append("Sources: astronaut.png (Eileen Collins, NASA, public domain) and grace_hopper.jpg (US Navy,\n")
        .append("public domain) from Debian packages; sample*-N faces from @vladmandic/face-api@1.7.15\n")
        .append("demo photos (no identity labels; never commit them or this folder).\n");
    for (String n : notes) {
      r.append("Note: ").append(n).append('\n');
    }
    return r.toString();
  }

  /**
   * {@code SyntheticEvalSet --out DIR [--seed N] [--renditions K] [--portraits DIR]
   * [--npm-cache DIR]}: writes the set with the faces this build can find.
   */
  public static void main(String[] args) throws IOException {
    Path out = null;
    long seed = DEFAULT_SEED;
    int renditions = DEFAULT_RENDITIONS;
    Path portraits = SubjectSources.defaultPortraits();
    Path cache = FaceApiDemoPhotos.defaultCache();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String[] kv = a.contains("=") ? a.split("=", 2) : new String[] {a, i + 1 < args.length ? args[++i] : null};
      if (kv[1] == null) {
        usage(a + " needs a value");
        return;
      }
      switch (kv[0]) {
        case "--out" -> out = Path.of(kv[1]);
        case "--seed" -> seed = Long.parseLong(kv[1]);
        case "--renditions" -> renditions = Integer.parseInt(kv[1]);
        case "--portraits" -> portraits = Path.of(kv[1]);
        case "--npm-cache" -> cache = Path.of(kv[1]);
        default -> {
          usage("unexpected argument: " + a);
          return;
        }
      }
    }
    if (out == null) {
      usage("--out is required");
      return;
    }
    List<String> notes = new ArrayList<>();
    Optional<EngineBinding> engine = EngineBinding.open();
    try {
      List<SubjectFace> subjects =
          subjects(portraits, cache, engine.map(EngineBinding::locator), notes);
      Summary s = generate(out, subjects, seed, renditions, notes);
      System.out.printf("%d subjects, %d genuine and %d impostor pairs in %s%n", s.subjects(),
          s.genuine(), s.impostor(), out);
      s.notes().forEach(n -> System.out.println("note: " + n));
    } finally {
      engine.ifPresent(EngineBinding::close);
    }
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: SyntheticEvalSet --out DIR [--seed N] [--renditions K] "
        + "[--portraits DIR] [--npm-cache DIR]");
    System.exit(2);
  }
}
