package io.idforge.identity.face.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Brings up ONNX Runtime the way a long-running identity server needs it.
 *
 * <ul>
 *   <li><b>Native libraries in a configured directory.</b> Left alone, ORT extracts its two shared
 *       libraries into a fresh {@code onnxruntime-java*} folder under {@code java.io.tmpdir} on
 *       every load. Here they are extracted once into {@code <work-dir>/onnxruntime-<version>-<os>}
 *       and ORT is pointed at them with the {@code onnxruntime.native.path} system property (ORT
 *       still creates and removes an empty temp folder).
 *   <li><b>Redeploys.</b> The JVM lets only one class loader load a given library file. A redeploy
 *       that finds the libraries already loaded in this JVM (a JVM-wide system property records
 *       it) therefore loads a private copy from {@code <dir>/redeploy-<n>} and deletes that copy
 *       once it is mapped (Linux keeps mapped files alive); stale copies are swept at start.
 *   <li><b>Telemetry off</b> ({@code OrtEnvironment.setTelemetry(false)}) right after the
 *       environment exists and before any session is created: an identity service must not queue
 *       usage events that name its model files.
 * </ul>
 */
public final class NativeRuntime {

  private static final Logger LOG = Logger.getLogger(NativeRuntime.class.getName());

  /** The system property ORT reads to find its native libraries. */
  static final String NATIVE_PATH = "onnxruntime.native.path";

  /** JVM-wide marker: some class loader has already loaded ORT's libraries from the work dir. */
  private static final String LOADED_MARKER = "io.idforge.face.onnxruntime.loaded";

  private static OrtEnvironment environment;

  private NativeRuntime() {}

  /**
   * The ORT environment of this class loader, with its natives under {@code workDir} and telemetry
   * off. Idempotent; {@code workDir} of the first call wins.
   */
  public static synchronized OrtEnvironment environment(Path workDir) throws OrtException {
    if (environment == null) {
      prepareNatives(workDir);
      OrtEnvironment env = createOnLargeStack();
      env.setTelemetry(false);
      environment = env;
      System.setProperty(LOADED_MARKER, "true");
    }
    return environment;
  }

  /**
   * Creates the environment on a thread with a 64 MB stack. ORT 1.29's POSIX telemetry logs a
   * ProcessInfo event while the environment is created (before {@code setTelemetry(false)} can
   * run) and overflowed a normal 1 MB Java thread stack (SIGSEGV, no hs_err file) when the JVM's
   * command line was long, e.g. a plain {@code java -cp <60 jars>}. With environment variable
   * {@code ORT_DISABLE_TELEMETRY=1} that code does not run at all; the large stack keeps the
   * engine safe when an operator forgets it.
   */
  private static OrtEnvironment createOnLargeStack() throws OrtException {
    OrtEnvironment[] created = new OrtEnvironment[1];
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(null, () -> {
      try {
        created[0] = OrtEnvironment.getEnvironment();
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "onnxruntime-init", 64L << 20);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting ONNX Runtime", e);
    }
    if (failure[0] instanceof OrtException e) {
      throw e;
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    }
    if (failure[0] instanceof Error e) {
      throw e;
    }
    return created[0];
  }

  /** True when the process was started with ORT's own opt-out, {@code ORT_DISABLE_TELEMETRY}. */
  public static boolean telemetryDisabledByEnvironment() {
    String v = System.getenv("ORT_DISABLE_TELEMETRY");
    return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
  }

  /** The platform folder name inside ORT's jar, e.g. {@code linux-x64}; null when unknown. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("linux") ? "linux" : os.contains("mac") ? "osx"
        : os.contains("win") ? "win" : null;
    String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
        : arch.equals("aarch64") ? "aarch64" : null;
    return o == null || a == null ? null : o + "-" + a;
  }

  private static void prepareNatives(Path workDir) {
    if (System.getProperty(NATIVE_PATH) != null && System.getProperty(LOADED_MARKER) == null) {
      return; // the operator chose a library folder; respect it
    }
    String platform = platform();
    if (platform == null) {
      LOG.warning("unknown platform; ONNX Runtime extracts its natives itself");
      return;
    }
    String version = OrtEnvironment.class.getPackage().getImplementationVersion();
    Path dir = workDir.resolve("onnxruntime-" + (version == null ? "dev" : version) + "-"
        + platform).toAbsolutePath();
    try {
      Files.createDirectories(dir);
      sweepStaleCopies(dir);
      String[] libraries = libraryFiles(platform);
      for (String lib : libraries) {
        extractIfMissing(platform, lib, dir.resolve(lib));
      }
      Path loadFrom = dir;
      if (System.getProperty(LOADED_MARKER) != null) {
        loadFrom = Files.createTempDirectory(dir, "redeploy-");
        for (String lib : libraries) {
          Files.copy(dir.resolve(lib), loadFrom.resolve(lib));
        }
      }
      System.setProperty(NATIVE_PATH, loadFrom.toString());
      LOG.fine(() -> "ONNX Runtime natives in " + dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare ONNX Runtime natives in " + dir, e);
    }
  }

  /** Removes the private copies of earlier redeploys (their libraries are mapped or gone). */
  private static void sweepStaleCopies(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      children.filter(p -> p.getFileName().toString().startsWith("redeploy-"))
          .forEach(NativeRuntime::deleteTree);
    }
  }

  /** Called once sessions exist: the private redeploy copy is mapped and can go. */
  static synchronized void releaseLoadCopy() {
    String path = System.getProperty(NATIVE_PATH);
    if (path != null && Path.of(path).getFileName().toString().startsWith("redeploy-")) {
      deleteTree(Path.of(path));
    }
  }

  private static String[] libraryFiles(String platform) {
    if (platform.startsWith("win")) {
      return new String[] {"onnxruntime.dll", "onnxruntime4j_jni.dll"};
    }
    String ext = platform.startsWith("osx") ? ".dylib" : ".so";
    return new String[] {"libonnxruntime" + ext, "libonnxruntime4j_jni" + ext};
  }

  private static void extractIfMissing(String platform, String lib, Path target)
      throws IOException {
    String resource = "/ai/onnxruntime/native/" + platform + "/" + lib;
    java.net.URL url = OrtEnvironment.class.getResource(resource);
    if (url == null) {
      throw new IOException("ONNX Runtime jar has no " + resource);
    }
    java.net.URLConnection connection = url.openConnection();
    long size = connection.getContentLengthLong();
    if (Files.isRegularFile(target) && size > 0 && Files.size(target) == size) {
      return; // extracted by an earlier start
    }
    // Write beside and move: a concurrent start never sees a half-written library.
    Path partial = Files.createTempFile(target.getParent(), lib, ".part");
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.fine(() -> "could not remove " + root + ": " + e);
    }
  }
}
