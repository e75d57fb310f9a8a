package io.idforge.identity.face.eval;

import io.idforge.identity.face.models.ModelSupplyException;
import io.idforge.identity.face.models.NpmPackageCache;
import io.idforge.identity.face.models.PinnedPackage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * face-api's six demo group photos ({@code demo/sample1..6.jpg} of the pinned {@code
 * @vladmandic/face-api@1.7.15}), read from the model build's npm cache through {@link
 * NpmPackageCache}: the tarball is checked against its pinned sha512 integrity and every photo
 * against its pinned sha256. Used at build/test time only; never written into the repository.
 */
public final class FaceApiDemoPhotos {

  private static final Set<String> PATHS =
      IntStream.rangeClosed(1, 6).mapToObj(i -> "demo/sample" + i + ".jpg")
          .collect(Collectors.toUnmodifiableSet());

  private FaceApiDemoPhotos() {}

  /** The model build's cache: {@code face.models.cache}, else {@code ~/.cache/idforge/npm}. */
  public static Path defaultCache() {
    return NpmPackageCache.fromSystemProperties().directory();
  }

  /** True when the pinned tarball is in {@code cacheDir} (nothing is downloaded for the photos). */
  public static boolean cached(Path cacheDir) {
    return Files.isRegularFile(cacheDir.resolve(PinnedPackage.FACE_API.tarballFileName()));
  }

  /**
   * The demo photos by name ({@code sample1} … {@code sample6}), JPEG bytes, in name order.
   *
   * @throws IOException when the cached tarball is missing or fails a checksum
   */
  public static Map<String, byte[]> read(Path cacheDir) throws IOException {
    if (!cached(cacheDir)) {
      throw new IOException(PinnedPackage.FACE_API.tarballFileName() + " is not in " + cacheDir);
    }
    try {
      Map<String, byte[]> files =
          NpmPackageCache.open(cacheDir, NpmPackageCache.DEFAULT_REGISTRY)
              .files(PinnedPackage.FACE_API, PATHS);
      Map<String, byte[]> photos = new TreeMap<>();
      files.forEach((path, bytes) ->
          photos.put(path.substring("demo/".length(), path.length() - ".jpg".length()), bytes));
      return photos;
    } catch (ModelSupplyException | UncheckedIOException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
