package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    assumeTrue(Files.isRegularFile(cache.resolve(FaceApiDemoPhotos.TARBALL)),
        "face-api tarball not cached (the model build downloads it)");
    Map<String, byte[]> photos = FaceApiDemoPhotos.read(cache);
    assertEquals(List.of("sample1", "sample2", "sample3", "sample4", "sample5", "sample6"),
        List.copyOf(photos.keySet()));
    for (byte[] jpeg : photos.values()) {
      assertNotNull(ImageIO.read(new ByteArrayInputStream(jpeg)));
    }
  }

  @Test
  void refusesATarballThatFailsItsIntegrity(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve(FaceApiDemoPhotos.TARBALL), new byte[] {1, 2, 3});
    IOException e = assertThrows(IOException.class, () -> FaceApiDemoPhotos.read(dir));
    assertEquals(true, e.getMessage().contains("pinned integrity"));
  }
}
