package io.idforge.identity.face.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * A directory of pinned npm tarballs ({@code <name>-<version>.tgz}, scope flattened), filled from
 * the registry on first use. Every tarball is checked against its pinned sha512 integrity before
 * any file is read from it, and every file against its pinned sha256. A cached tarball that fails
 * the integrity check is deleted and downloaded again once; a download that fails it is refused.
 *
 * <p>Reusable outside the model build, e.g. by tests that read face-api's demo photos:
 * {@code NpmPackageCache.open(cacheDir, registry).file(PinnedPackage.FACE_API, "demo/sample1.jpg")}.
 */
public final class NpmPackageCache {

  /** Maven's default cache location, also used when {@code face.models.cache} is not set. */
  public static final Path DEFAULT_DIR =
      Path.of(System.getProperty("user.home"), ".cache", "idforge", "npm");
  public static final URI DEFAULT_REGISTRY = URI.create("https://registry.npmjs.org");

  private static final Logger LOG = Logger.getLogger(NpmPackageCache.class.getName());

  private final Path dir;
  private final URI registry;
  private final Set<String> verifiedTarballs = new TreeSet<>();

  private NpmPackageCache(Path dir, URI registry) {
    this.dir = dir;
    this.registry = registry;
  }

  public static NpmPackageCache open(Path dir, URI registry) {
    return new NpmPackageCache(dir.toAbsolutePath(), registry);
  }

  /** The cache named by system property {@code face.models.cache} (as surefire passes it), or the default. */
  public static NpmPackageCache fromSystemProperties() {
    String dir = System.getProperty("face.models.cache");
    String registry = System.getProperty("npm.registry");
    return open(dir == null || dir.isBlank() ? DEFAULT_DIR : Path.of(dir),
        registry == null || registry.isBlank() ? DEFAULT_REGISTRY : URI.create(registry));
  }

  public Path directory() {
    return dir;
  }

  /** One pinned file, checked against its sha256. */
  public byte[] file(PinnedPackage pkg, String path) {
    return files(pkg, Set.of(path)).get(path);
  }

  /** Several pinned files of one package, read in a single pass over the tarball. */
  public Map<String, byte[]> files(PinnedPackage pkg, Set<String> paths) {
    paths.forEach(pkg::sha256Of); // refuse unpinned paths before touching the network
    Path tarball = tarball(pkg);
    Map<String, byte[]> found;
    try (InputStream in = Files.newInputStream(tarball)) {
      found = TarGzReader.extract(in, paths);
    } catch (IOException e) {
      throw new ModelSupplyException("cannot read " + tarball + ": " + e.getMessage(), e);
    }
    Map<String, byte[]> result = new LinkedHashMap<>();
    for (String path : new TreeSet<>(paths)) {
      byte[] content = found.get(path);
      if (content == null) {
        throw new ModelSupplyException(pkg.id() + " has no file " + path + " (" + tarball + ")");
      }
      String actual = Checksums.sha256Hex(content);
      if (!actual.equals(pkg.sha256Of(path))) {
        throw new ModelSupplyException(pkg.id() + ": " + path + " has sha256 " + actual
            + ", pinned " + pkg.sha256Of(path) + ". Refusing to use it.");
      }
      result.put(path, content);
    }
    return result;
  }

  /**
   * The verified tarball in the cache, downloaded if absent or if the cached copy fails its
   * integrity check.
   */
  public synchronized Path tarball(PinnedPackage pkg) {
    Path file = dir.resolve(pkg.tarballFileName());
    if (verifiedTarballs.contains(pkg.id()) && Files.isRegularFile(file)) {
      return file;
    }
    try {
      if (Files.isRegularFile(file)) {
        String actual = Checksums.npmIntegrity(file);
        if (actual.equals(pkg.integrity())) {
          verifiedTarballs.add(pkg.id());
          return file;
        }
        LOG.warning(() -> "cached " + file + " fails its integrity check (" + actual
            + "), downloading " + pkg.id() + " again");
        Files.delete(file);
      }
      download(pkg, file);
      verifiedTarballs.add(pkg.id());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cache " + dir + ": " + e.getMessage(), e);
    }
  }

  private void download(PinnedPackage pkg, Path target) throws IOException {
    URI uri = pkg.tarballUri(registry);
    Files.createDirectories(dir);
    // Same directory, so the final move is atomic; a crashed download leaves only a .part file.
    Path partial = dir.resolve(pkg.tarballFileName() + "." + ProcessHandle.current().pid() + "-"
        + System.nanoTime() + ".part");
    try {
      LOG.info(() -> "downloading " + uri + " into " + dir);
      HttpClient client = HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(20))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
      HttpResponse<Path> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofFile(partial));
      } catch (IOException e) {
        throw downloadFailure(uri, e.toString(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw downloadFailure(uri, "interrupted", e);
      }
      if (response.statusCode() != 200) {
        throw downloadFailure(uri, "HTTP " + response.statusCode(), null);
      }
      String actual = Checksums.npmIntegrity(partial);
      if (!actual.equals(pkg.integrity())) {
        throw new ModelSupplyException("downloaded " + uri + " has integrity " + actual
            + ", pinned " + pkg.integrity() + ". Refusing it (registry or mirror serves other bytes).");
      }
      AtomicFiles.moveIntoPlace(partial, target);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private ModelSupplyException downloadFailure(URI uri, String why, Exception cause) {
    return new ModelSupplyException("Could not download " + uri + " (" + why + ") into the cache "
        + dir + ". Either make the registry reachable (-Dnpm.registry=<mirror>), put the tarball into"
        + " that directory by hand (npm pack), or build without face models: -Dface.models.skip=true",
        cause);
  }
}
