package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The reuse path the evaluation stream relies on: a pinned, checksum-verified file from the npm cache. */
class FaceApiDemoPhotosTest {

  @Test
  void demoPhotosAreReadableFromThePinnedPackage() throws Exception {
    NpmPackageCache cache = BuiltModels.npmCache();
    for (int i = 1; i <= 6; i++) {
      byte[] jpeg = cache.file(PinnedPackage.FACE_API, "demo/sample" + i + ".jpg");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
      assertNotNull(image, "sample" + i);
      assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300, "sample" + i + " is a real photo");
    }
  }
}
