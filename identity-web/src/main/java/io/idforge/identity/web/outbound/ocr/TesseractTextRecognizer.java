package io.idforge.identity.web.outbound.ocr;

import io.idforge.identity.api.spi.TextRecognizer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link TextRecognizer} backed by the Tesseract OCR engine ({@code tesseract-ocr} from Debian),
 * run as a subprocess per image: {@code tesseract <file> stdout --psm 6 -l <languages>}.
 *
 * <p>Each image is written to a private temporary file under {@code identity.ocr.work-dir}; the
 * engine's output goes to a second file beside it (no pipes, so a chatty engine can never block on
 * a full pipe); both are deleted when the call ends. A run longer than {@code identity.ocr.timeout}
 * is killed. At most {@code identity.ocr.max-concurrency} engines run at once (each one uses a full
 * core and some hundred megabytes), so a burst of uploads queues instead of exhausting the host; a
 * caller that cannot get a slot within the timeout gets a {@link RecognitionException}.
 *
 * <p>The subprocess gets a minimal environment ({@code PATH}, {@code TESSDATA_PREFIX}, {@code
 * OMP_THREAD_LIMIT=1}, {@code LC_ALL=C}), not the server's, which holds secrets.
 *
 * <p>Recognised text is personal data and is never logged.
 */
@ApplicationScoped
public class TesseractTextRecognizer implements TextRecognizer {

  private static final Logger LOG = Logger.getLogger(TesseractTextRecognizer.class.getName());

  /** The MRZ alphabet of ICAO 9303 (OCR-B subset). */
  static final String MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

  /** Languages for {@link Mode#PRINTED}, in order of preference; English is always added last. */
  private static final List<String> PRINTED_LANGUAGES = List.of("spa", "por");

  /** More output than this from one image is not a document: the rest is dropped. */
  private static final int MAX_OUTPUT_BYTES = 1 << 20;

  /** The version probe is tiny; it never needs the full recognition timeout. */
  private static final Duration MAX_PROBE_TIMEOUT = Duration.ofSeconds(10);

  @Inject
  @ConfigProperty(name = "identity.ocr.tesseract-path", defaultValue = "tesseract")
  String tesseractPath;

  /** Unset: {@code ${java.io.tmpdir}/identity-ocr}. */
  @Inject
  @ConfigProperty(name = "identity.ocr.work-dir")
  Optional<String> workDirSetting;

  @Inject
  @ConfigProperty(name = "identity.ocr.timeout", defaultValue = "PT20S")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "identity.ocr.max-concurrency", defaultValue = "2")
  int maxConcurrency;

  private Path workDir;
  private Semaphore slots;
  private volatile Probe probe;

  /** For CDI. */
  public TesseractTextRecognizer() {}

  /** For tests and plain use: the same settings as the configuration keys. */
  TesseractTextRecognizer(
      String tesseractPath, Path workDir, Duration timeout, int maxConcurrency) {
    this.tesseractPath = tesseractPath;
    this.workDirSetting = Optional.of(workDir.toString());
    this.timeout = timeout;
    this.maxConcurrency = maxConcurrency;
    init();
  }

  @PostConstruct
  void init() {
    Objects.requireNonNull(tesseractPath, "identity.ocr.tesseract-path");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("identity.ocr.timeout must be positive: " + timeout);
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException(
          "identity.ocr.max-concurrency must be at least 1: " + maxConcurrency);
    }
    workDir =
        workDirSetting
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "identity-ocr"));
    slots = new Semaphore(maxConcurrency, true);
  }

  /** Start-up report: one line saying whether document OCR works on this host. */
  void logAvailability(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    Probe p = probe();
    if (p.available()) {
      LOG.info(
          () ->
              "OCR available: "
                  + p.versionLine()
                  + ", languages "
                  + String.join("+", p.languages())
                  + ", at most "
                  + maxConcurrency
                  + " concurrent, timeout "
                  + timeout);
    } else {
      LOG.warning(
          () ->
              "OCR unavailable ("
                  + p.failure()
                  + "): document MRZ extraction is off."
                  + " Install Debian's tesseract-ocr or set identity.ocr.tesseract-path.");
    }
  }

  @Override
  public boolean isAvailable() {
    return probe().available();
  }

  @Override
  public String name() {
    Probe p = probe();
    return p.available() ? p.versionLine() : "tesseract (unavailable)";
  }

  /**
   * Runs the engine on one image. In {@link Mode#MRZ} the output is restricted to the MRZ alphabet
   * and spaces inside a line are removed (an MRZ has none); in {@link Mode#PRINTED} Spanish and
   * Portuguese are used when their traineddata is installed, English always. Blank lines are
   * dropped and trailing whitespace trimmed.
   */
  @Override
  public Optional<String> recognize(byte[] image, Mode mode) throws RecognitionException {
    Objects.requireNonNull(mode, "mode");
    if (image == null || !(isPng(image) || isJpeg(image))) {
      throw new RecognitionException("not a JPEG or PNG image", null);
    }
    Probe p = probe();
    if (!p.available()) {
      throw new RecognitionException("tesseract is not available: " + p.failure(), null);
    }
    long waitStart = System.nanoTime();
    try {
      if (!slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warning(
            () -> "OCR busy: no free slot within " + timeout + " (" + maxConcurrency + " running)");
        throw new RecognitionException(
            "OCR busy: " + maxConcurrency + " recognitions already running", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecognitionException("interrupted while waiting for an OCR slot", e);
    }
    try {
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitStart);
      return run(image, mode, p, waitedMillis);
    } finally {
      slots.release();
    }
  }

  private Optional<String> run(byte[] image, Mode mode, Probe p, long waitedMillis)
      throws RecognitionException {
    Path input = null;
    Path output = null;
    Path errors = null;
    long start = System.nanoTime();
    try {
      ensureWorkDir();
      input = Files.createTempFile(workDir, "ocr-", isPng(image) ? ".png" : ".jpg");
      output = Files.createTempFile(workDir, "ocr-", ".txt");
      errors = Files.createTempFile(workDir, "ocr-", ".err");
      Files.write(input, image);

      List<String> command = new ArrayList<>();
      command.add(tesseractPath);
      command.add(input.toString());
      command.add("stdout");
      command.add("--psm");
      command.add(
          "6"); // a single uniform block of text: the two or three MRZ lines, or a field block
      command.add("-l");
      if (mode == Mode.MRZ) {
        command.add("eng");
        command.add("-c");
        command.add("tessedit_char_whitelist=" + MRZ_ALPHABET);
        // An MRZ is not language: dictionaries only pull '<<<' runs towards words.
        command.add("-c");
        command.add("load_system_dawg=0");
        command.add("-c");
        command.add("load_freq_dawg=0");
      } else {
        command.add(printedLanguages(p.languages()));
      }

      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .redirectOutput(output.toFile())
              .redirectError(errors.toFile());
      minimalEnvironment(builder.environment());
      Process process = builder.start();
      int exit = await(process, timeout);
      if (exit != 0) {
        String reason = firstLine(errors);
        throw new RecognitionException("tesseract exited with " + exit + ": " + reason, null);
      }
      String text = normalise(readCapped(output), mode);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      LOG.fine(
          () ->
              "OCR "
                  + mode
                  + " took "
                  + millis
                  + " ms (waited "
                  + waitedMillis
                  + " ms for a slot), "
                  + image.length
                  + " image bytes, "
                  + (text.isEmpty() ? "nothing read" : "text read"));
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (RecognitionException e) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      LOG.warning(() -> "OCR " + mode + " failed after " + millis + " ms: " + e.getMessage());
      throw e;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "OCR " + mode + " could not run tesseract", e);
      throw new RecognitionException("could not run tesseract: " + e.getMessage(), e);
    } finally {
      deleteQuietly(input);
      deleteQuietly(output);
      deleteQuietly(errors);
    }
  }

  /** The {@code -l} argument for printed text: installed Spanish/Portuguese first, then English. */
  static String printedLanguages(List<String> installed) {
    List<String> chosen = new ArrayList<>();
    for (String language : PRINTED_LANGUAGES) {
      if (installed.contains(language)) {
        chosen.add(language);
      }
    }
    chosen.add("eng");
    return String.join("+", chosen);
  }

  /** Lines joined by {@code \n}, trailing blanks and blank lines (and the form feed) removed. */
  static String normalise(String raw, Mode mode) {
    List<String> lines = new ArrayList<>();
    for (String line : raw.split("\\R")) {
      String cleaned = line.replace("\f", "").strip();
      if (mode == Mode.MRZ) {
        cleaned = cleaned.replaceAll("\\s+", "");
      }
      if (!cleaned.isEmpty()) {
        lines.add(cleaned);
      }
    }
    return String.join("\n", lines);
  }

  private Probe probe() {
    Probe p = probe;
    if (p == null) {
      synchronized (this) {
        p = probe;
        if (p == null) {
          p = runProbe();
          probe = p;
        }
      }
    }
    return p;
  }

  /**
   * {@code tesseract --version} and {@code --list-langs}, once; the result is kept for the life of
   * the bean.
   */
  private Probe runProbe() {
    Duration probeTimeout = timeout.compareTo(MAX_PROBE_TIMEOUT) < 0 ? timeout : MAX_PROBE_TIMEOUT;
    try {
      ensureWorkDir();
      List<String> version = runSmall(List.of(tesseractPath, "--version"), probeTimeout);
      String versionLine =
          version.stream()
              .map(String::strip)
              .filter(l -> l.startsWith("tesseract"))
              .findFirst()
              .orElse(null);
      if (versionLine == null) {
        return Probe.unavailable(tesseractPath + " --version did not name tesseract");
      }
      List<String> languages = new ArrayList<>();
      for (String line : runSmall(List.of(tesseractPath, "--list-langs"), probeTimeout)) {
        String l = line.strip();
        if (l.matches("[a-z_A-Z]+") && !"osd".equals(l)) {
          languages.add(l);
        }
      }
      if (!languages.contains("eng")) {
        return Probe.unavailable("no English traineddata (tesseract-ocr-eng)");
      }
      return new Probe(true, versionLine, List.copyOf(languages), null);
    } catch (IOException | RecognitionException e) {
      return Probe.unavailable(e.getMessage());
    }
  }

  /**
   * Runs a short command, stderr merged into stdout, and returns its lines; non-zero exit fails.
   */
  private List<String> runSmall(List<String> command, Duration limit)
      throws IOException, RecognitionException {
    Path out = Files.createTempFile(workDir, "probe-", ".txt");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      minimalEnvironment(builder.environment());
      int exit = await(builder.start(), limit);
      if (exit != 0) {
        throw new RecognitionException(String.join(" ", command) + " exited with " + exit, null);
      }
      return List.of(readCapped(out).split("\\R"));
    } finally {
      deleteQuietly(out);
    }
  }

  /**
   * Waits for the process; on timeout or interrupt kills it (and anything it started) and fails.
   */
  private static int await(Process process, Duration limit) throws RecognitionException {
    try {
      if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
      kill(process);
      throw new RecognitionException("tesseract timed out after " + limit, null);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new RecognitionException("interrupted while tesseract was running", e);
    }
  }

  private static void kill(Process process) {
    // Children first: once the parent is gone they are re-parented and out of reach.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Not the server's environment: it holds database passwords and signing keys. */
  private static void minimalEnvironment(Map<String, String> environment) {
    String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    String tessdata = environment.get("TESSDATA_PREFIX");
    environment.clear();
    environment.put("PATH", path);
    if (tessdata != null) {
      environment.put("TESSDATA_PREFIX", tessdata);
    }
    environment.put("OMP_THREAD_LIMIT", "1"); // one core per engine; concurrency is ours to limit
    environment.put("LC_ALL", "C");
  }

  /** Creates the work directory, private to the server's user where the file system allows it. */
  private void ensureWorkDir() throws IOException {
    if (Files.isDirectory(workDir)) {
      return;
    }
    try {
      Files.createDirectories(workDir.getParent() == null ? workDir : workDir.getParent());
      if (workDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(
            workDir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(workDir);
      }
    } catch (FileAlreadyExistsException raced) {
      // another thread created it
    }
  }

  private static String readCapped(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
    }
  }

  /**
   * The first line of the engine's error output: a message from tesseract, never recognised text.
   */
  private static String firstLine(Path errors) {
    try {
      return readCapped(errors)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .findFirst()
          .orElse("no message");
    } catch (IOException e) {
      return "no message";
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete OCR temporary file " + file, e);
    }
  }

  /** The engine reads the image from its file, never from stdin. */
  private static File nullDevice() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  static boolean isPng(byte[] b) {
    return b.length >= 8
        && (b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0d
        && b[5] == 0x0a
        && b[6] == 0x1a
        && b[7] == 0x0a;
  }

  static boolean isJpeg(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
  }

  /** What the one-time check found. */
  private record Probe(
      boolean available, String versionLine, List<String> languages, String failure) {
    static Probe unavailable(String failure) {
      return new Probe(false, null, List.of(), failure);
    }
  }
}
