package io.idforge.identity.face.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ONNX Runtime 1.29 leaves on disk, measured in a child JVM whose HOME, TMPDIR and {@code
 * java.io.tmpdir} point into an empty folder: an identity server must keep every file it writes
 * inside its configured directories.
 *
 * <ul>
 *   <li>With {@code ORT_DISABLE_TELEMETRY=1} in the environment (what serve.sh sets), nothing is
 *       written outside the work dir, not even the empty {@code onnxruntime-java*} temp folder ORT
 *       creates and removes while loading.
 *   <li>Without it, {@code setTelemetry(false)} comes too late for what ORT does while creating
 *       its environment: a device id and a 1DS event queue under {@code
 *       $XDG_CACHE_HOME|$HOME/.cache/Microsoft/DeveloperTools/.onnxruntime/}, a session stamp
 *       {@code $TMPDIR/.ses} and an empty {@code $TMPDIR/mat-debug-<pid>.log}. The test pins this
 *       list so that an ORT upgrade that changes it is noticed.
 * </ul>
 *
 * The child is started with the full class path on its command line, which also exercises the
 * large-stack start-up (a long command line crashed ORT's telemetry on a 1 MB thread stack), and
 * runs three isolated "deployments" to exercise the redeploy path of {@link NativeRuntime}.
 */
class FileFootprintTest {

  @TempDir Path root;

  @Test
  void withTheOptOutNothingIsWrittenOutsideTheWorkDir() throws Exception {
    Set<String> outside = runChild(true);
    assertEquals(Set.of(), outside, "files or folders outside the work dir");
  }

  @Test
  void withoutTheOptOutOnlyTheKnownTelemetryFilesAppear() throws Exception {
    Set<String> outside = runChild(false);
    Set<String> normalised = outside.stream()
        .filter(p -> !Files.isDirectory(root.resolve(p)))
        .map(p -> p.replaceAll("mat-debug-\\d+\\.log", "mat-debug-<pid>.log"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of(
        "home/.cache/Microsoft/DeveloperTools/.onnxruntime/deviceid",
        "home/.cache/Microsoft/DeveloperTools/.onnxruntime/onnxruntime.db",
        "tmp/.ses",
        "tmp/mat-debug-<pid>.log")), normalised);
  }

  /** Runs the probe in a child JVM; returns what it created outside the work dir. */
  private Set<String> runChild(boolean optOut) throws Exception {
    assumeTrue(TestModels.complete(), "face models not available");
    assumeTrue(TestModels.portraits().isPresent(), "portraits not available");
    Path home = Files.createDirectories(root.resolve("home"));
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    Path work = root.resolve("work");
    Path models = modelDir();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:-UsePerfData", // hsperfdata would go to /tmp whatever TMPDIR says
        "-Djava.awt.headless=true",
        "-Djava.io.tmpdir=" + tmp,
        "-cp", classPath(),
        FootprintProbe.class.getName(),
        work.toString(), models.toString(),
        TestModels.portraits().get().resolve("grace_hopper.jpg").toString(), "3"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("HOME", home.toString());
    env.put("TMPDIR", tmp.toString());
    env.remove("XDG_CACHE_HOME");
    env.remove("ORT_DISABLE_TELEMETRY");
    env.remove("CI");
    env.remove("GITHUB_ACTIONS");
    env.remove("TF_BUILD");
    env.remove("ORT_RUNNING_UNIT_TESTS");
    if (optOut) {
      env.put("ORT_DISABLE_TELEMETRY", "1");
    }
    Process child = builder.start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "child JVM did not finish");
    assertEquals(0, child.exitValue(), "child JVM failed:\n" + output);
    assertEquals(3, output.lines().filter(l -> l.equals("outcome=FACE")).count(), output);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> !p.startsWith(work))
          .filter(p -> !p.equals(root) && !p.equals(home) && !p.equals(tmp))
          .map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** The probe reads models from a folder; copy the jar's when the tests run from the jar. */
  private Path modelDir() throws IOException {
    if (TestModels.source() instanceof ModelSource.Directory d) {
      return d.dir();
    }
    Path dir = Files.createDirectories(root.resolve("work").resolve("models"));
    for (String name : ModelSource.REQUIRED) {
      Files.write(dir.resolve(name), TestModels.source().read(name).orElseThrow());
    }
    return dir;
  }

  /** The full test class path (surefire hides it behind a manifest-only jar). */
  private static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }
}
