package io.idforge.identity.face.engine;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child-JVM main for {@link FileFootprintTest}: opens the engine, analyses one picture, closes, and
 * prints the outcome so the parent can check it ran.
 *
 * <p>Arguments: work dir, model dir, picture file, and the number of "deployments": with more than
 * one, each run happens in its own isolated class loader, as an application server's redeploy
 * would do (the JVM refuses to load one native library file into two class loaders).
 */
public final class FootprintProbe {

  private FootprintProbe() {}

  public static void main(String[] args) throws Exception {
    int deployments = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    if (deployments == 1) {
      System.out.println("outcome=" + run(args[0], args[1], args[2]));
      return;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    for (int i = 0; i < deployments; i++) {
      try (URLClassLoader app = new URLClassLoader(urls.toArray(URL[]::new),
          ClassLoader.getPlatformClassLoader())) {
        Class<?> probe = app.loadClass(FootprintProbe.class.getName());
        Method run = probe.getMethod("run", String.class, String.class, String.class);
        System.out.println("outcome=" + run.invoke(null, args[0], args[1], args[2]));
      }
    }
  }

  /** One deployment's work: open, analyse, close. */
  public static String run(String workDir, String modelDir, String picture) throws Exception {
    try (FaceEngine engine = FaceEngine.open(ModelSource.directory(Path.of(modelDir)),
        FaceEngineSettings.defaults(Path.of(workDir)))) {
      return engine.analyse(Files.readAllBytes(Path.of(picture)), Role.SELFIE).outcome().name();
    }
  }
}
