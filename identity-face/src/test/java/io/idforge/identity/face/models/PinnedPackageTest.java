package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PinnedPackageTest {

  @Test
  void scopedNamesMapToTheRegistryUrlAndNpmsFlattenedFileName() {
    assertEquals(URI.create("https://registry.npmjs.org/@vladmandic/face-api/-/face-api-1.7.15.tgz"),
        PinnedPackage.FACE_API.tarballUri(URI.create("https://registry.npmjs.org")));
    assertEquals("vladmandic-face-api-1.7.15.tgz", PinnedPackage.FACE_API.tarballFileName());
    assertEquals(URI.create("http://mirror/npm/faceplugin-face-recognition-js/-/faceplugin-face-recognition-js-0.0.1.tgz"),
        PinnedPackage.FACEPLUGIN.tarballUri(URI.create("http://mirror/npm/")));
    assertEquals("faceplugin-face-recognition-js-0.0.1.tgz", PinnedPackage.FACEPLUGIN.tarballFileName());
  }

  @Test
  void onlySha512IntegrityIsAccepted() {
    assertThrows(IllegalArgumentException.class,
        () -> new PinnedPackage("x", "1.0.0", "sha1-abc", Map.of()));
  }
}
