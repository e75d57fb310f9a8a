package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceApiDemoPhotosTest {

  @Test
  void readsTheSixDemoPhotosFromThePinnedTarball() throws IOException {
    Path cache = FaceApiDemoPhotos.defaultCache();
    assumeTrue(FaceApiDemoPhotos.cached(cache),
        "face-api tarball not cached (the model build downloads it)");
    Map<String, byte[]> photos = FaceApiDemoPhotos.read(cache);
    assertEquals(List.of("sample1", "sample2", "sample3", "sample4", "sample5", "sample6"),
        List.copyOf(photos.keySet()));
    for (byte[] jpeg : photos.values()) {
      assertNotNull(ImageIO.read(new ByteArrayInputStream(jpeg)));
    }
  }

  @Test
  void neverDownloadsTheTarballForThePhotos(@TempDir Path dir) {
    IOException e = assertThrows(IOException.class, () -> FaceApiDemoPhotos.read(dir));
    assertTrue(e.getMessage().contains("is not in"), e.getMessage());
    assertFalse(FaceApiDemoPhotos.cached(dir));
  }
}
