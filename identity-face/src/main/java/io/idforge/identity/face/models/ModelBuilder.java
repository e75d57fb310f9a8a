package io.idforge.identity.face.models;

import io.idforge.identity.face.engine.ModelSource;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Build-time entry point (Maven {@code process-classes}, see identity-face/pom.xml): produces
 * {@code face-models/detector.onnx} (byte copy), {@code landmarks68.onnx}, {@code descriptor.onnx}
 * and {@code models.properties} from the pinned npm packages.
 *
 * <p>Incremental because the build runs it on every compile: when {@code models.properties}
 * records the same pinned inputs and converter version and every output still has its recorded
 * sha256, nothing is downloaded or converted.
 *
 * <p>Arguments: {@code --out=<dir> --cache=<npm tarball cache> --registry=<npm registry URL>}.
 */
public final class ModelBuilder {

  /** Bump whenever the conversion changes its output: forces a rebuild of cached outputs. */
  public static final String CONVERTER_VERSION = "1";

  public static final String DETECTOR = ModelSource.DETECTOR;
  public static final String LANDMARKS = ModelSource.LANDMARKS;
  public static final String DESCRIPTOR = ModelSource.DESCRIPTOR;
  public static final String PROPERTIES = "models.properties";

  static final String DETECTOR_SOURCE = "model/fr_detect.onnx";
  static final String LANDMARK_MANIFEST = "model/face_landmark_68_model-weights_manifest.json";
  static final String RECOGNITION_MANIFEST = "model/face_recognition_model-weights_manifest.json";
  private static final String MODEL_DIR = "model/";

  private static final Logger LOG = Logger.getLogger(ModelBuilder.class.getName());

  private final Path out;
  private final NpmPackageCache cache;

  public ModelBuilder(Path out, NpmPackageCache cache) {
    this.out = out;
    this.cache = cache;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = parse(args);
    Path out = Path.of(require(options, "out"));
    Path cacheDir = options.containsKey("cache") ? Path.of(options.get("cache")) : NpmPackageCache.DEFAULT_DIR;
    URI registry = URI.create(options.getOrDefault("registry", NpmPackageCache.DEFAULT_REGISTRY.toString()));
    new ModelBuilder(out, NpmPackageCache.open(cacheDir, registry)).build();
  }

  /** Builds the models unless they are up to date; returns true if it (re)wrote them. */
  public boolean build() throws IOException {
    long start = System.nanoTime();
    SortedMap<String, String> expected = provenance();
    if (upToDate(expected)) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      LOG.info(() -> "face models in " + out + " are up to date (converter " + CONVERTER_VERSION + ", checked in "
          + millis + " ms)");
      return false;
    }
    Files.createDirectories(out);

    byte[] detector = cache.file(PinnedPackage.FACEPLUGIN, DETECTOR_SOURCE);
    Map<String, byte[]> faceApi = cache.files(PinnedPackage.FACE_API, Set.of(LANDMARK_MANIFEST,
        "model/face_landmark_68_model.bin", RECOGNITION_MANIFEST, "model/face_recognition_model.bin"));

    Map<String, String> metadata = Map.of(
        "source", PinnedPackage.FACE_API.id(),
        "converter", ModelBuilder.class.getName() + " " + CONVERTER_VERSION,
        "normalisation", "(p - [122.782, 117.001, 104.298]) / 255, NCHW RGB");
    byte[] landmarks = LandmarkNetGraph.build(weights(faceApi, LANDMARK_MANIFEST))
        .toModel("idforge-face-models", CONVERTER_VERSION, metadata);
    byte[] descriptor = DlibDescriptorGraph.build(weights(faceApi, RECOGNITION_MANIFEST))
        .toModel("idforge-face-models", CONVERTER_VERSION, metadata);

    SortedMap<String, String> record = new TreeMap<>(expected);
    for (Map.Entry<String, byte[]> file : Map.of(DETECTOR, detector, LANDMARKS, landmarks,
        DESCRIPTOR, descriptor).entrySet()) {
      writeAtomically(out.resolve(file.getKey()), file.getValue());
      record.put("output." + file.getKey() + ".sha256", Checksums.sha256Hex(file.getValue()));
      record.put("output." + file.getKey() + ".bytes", Integer.toString(file.getValue().length));
    }
    // Written last: its presence with matching hashes is what marks the outputs complete.
    writeAtomically(out.resolve(PROPERTIES), format(record));
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info(() -> "face models written to " + out + " in " + millis + " ms (landmarks "
        + landmarks.length + " B, descriptor " + descriptor.length + " B)");
    return true;
  }

  /** Everything the outputs depend on; an output is reused only if all of it is unchanged. */
  static SortedMap<String, String> provenance() {
    SortedMap<String, String> p = new TreeMap<>();
    p.put("converter.version", CONVERTER_VERSION);
    p.put("onnx.ir_version", Long.toString(OnnxGraph.IR_VERSION));
    p.put("onnx.opset", Long.toString(OnnxGraph.OPSET));
    addPackage(p, "detector", PinnedPackage.FACEPLUGIN, Set.of(DETECTOR_SOURCE));
    addPackage(p, "faceapi", PinnedPackage.FACE_API, Set.of(LANDMARK_MANIFEST,
        "model/face_landmark_68_model.bin", RECOGNITION_MANIFEST, "model/face_recognition_model.bin"));
    p.put("model." + DETECTOR + ".input", "input float32[1,3,240,320] RGB (p-127)/128");
    p.put("model." + DETECTOR + ".output", "scores float32[1,4420,2]; boxes float32[1,4420,4]");
    p.put("model." + LANDMARKS + ".input", LandmarkNetGraph.INPUT + " float32[N,3,112,112] RGB"
        + " (p-[122.782,117.001,104.298])/255");
    p.put("model." + LANDMARKS + ".output", LandmarkNetGraph.OUTPUT + " float32[N,136]");
    p.put("model." + DESCRIPTOR + ".input", DlibDescriptorGraph.INPUT + " float32[N,3,150,150] RGB"
        + " (p-[122.782,117.001,104.298])/255");
    p.put("model." + DESCRIPTOR + ".output", DlibDescriptorGraph.OUTPUT + " float32[N,128]");
    return p;
  }

  private static void addPackage(SortedMap<String, String> p, String key, PinnedPackage pkg, Set<String> files) {
    p.put("package." + key, pkg.id());
    p.put("package." + key + ".integrity", pkg.integrity());
    files.forEach(f -> p.put("package." + key + ".file." + f + ".sha256", pkg.sha256Of(f)));
  }

  private boolean upToDate(SortedMap<String, String> expected) throws IOException {
    Path props = out.resolve(PROPERTIES);
    if (!Files.isRegularFile(props)) {
      return false;
    }
    Properties recorded = new Properties();
    try (Reader reader = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
      recorded.load(reader);
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      if (!e.getValue().equals(recorded.getProperty(e.getKey()))) {
        LOG.info(() -> "face models are stale (" + e.getKey() + " changed), rebuilding");
        return false;
      }
    }
    for (String file : new String[] {DETECTOR, LANDMARKS, DESCRIPTOR}) {
      Path path = out.resolve(file);
      String sha = recorded.getProperty("output." + file + ".sha256");
      if (sha == null || !Files.isRegularFile(path) || !sha.equals(Checksums.sha256Hex(path))) {
        LOG.info(() -> "face model " + path + " is missing or modified, rebuilding");
        return false;
      }
    }
    return true;
  }

  private static TfjsWeights weights(Map<String, byte[]> files, String manifest) {
    return TfjsWeights.read(files.get(manifest), shard -> {
      byte[] content = files.get(MODEL_DIR + shard);
      if (content == null) {
        throw new ModelSupplyException(manifest + " refers to an unpinned shard " + shard);
      }
      return content;
    });
  }

  /** Properties format, sorted and without the date comment, so equal inputs give equal bytes. */
  private static byte[] format(SortedMap<String, String> record) {
    StringBuilder sb = new StringBuilder("# Face models built by ").append(ModelBuilder.class.getName())
        .append(" from pinned npm packages; see docs/face-models.md\n");
    record.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    // A sibling name (same file system, so the move is atomic) with default permissions.
    Path tmp = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + System.nanoTime() + ".tmp");
    try {
      Files.write(tmp, content);
      AtomicFiles.moveIntoPlace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      int eq = arg.indexOf('=');
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    return options;
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing --" + name + "=...");
    }
    return value;
  }
}
