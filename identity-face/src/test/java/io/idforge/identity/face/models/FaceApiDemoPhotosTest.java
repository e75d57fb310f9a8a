package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The reuse path the evaluation stream relies on: a pinned, checksum-verified file from the npm cache. */
class FaceApiDemoPhotosTest {

  @Test
  void demoPhotosAreReadableFromThePinnedPackage() throws Exception {
    Set<String> names = new TreeSet<>();
    for (int i = 1; i <= 6; i++) {
      names.add("demo/sample" + i + ".jpg");
    }
    // One pass over the tarball for all six.
    Map<String, byte[]> photos = BuiltModels.npmCache().files(PinnedPackage.FACE_API, names);
    for (int i = 1; i <= 6; i++) {
      byte[] jpeg = photos.get("demo/sample" + i + ".jpg");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
      assertNotNull(image, "sample" + i);
      assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300, "sample" + i + " is a real photo");
    }
  }
}
