package io.idforge.identity.core.document.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.core.document.image.WebpDimensions.Size;
import io.idforge.identity.core.fixtures.ImageBombs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sizes declared by WEBP headers, read without a decoder. */
class WebpDimensionsTest {

  @Test
  void aLosslessFileDeclaresItsBitstreamSize() {
    assertEquals(List.of(new Size(640, 400)), WebpDimensions.declared(ImageBombs.webpDeclaring(640, 400)));
  }

  @Test
  void anExtendedFileDeclaresItsCanvasAndEachFrame() {
    assertEquals(List.of(new Size(100, 100), new Size(16_384, 16_384)),
        WebpDimensions.declared(ImageBombs.webpCanvasHidingFrame(100, 100, 16_384, 16_384)));
  }

  @Test
  void aLossyFrameHeaderIsRead() {
    ByteBuffer vp8 = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    vp8.put(new byte[] {0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A}).putShort((short) 1920).putShort((short) 1080);
    byte[] file = riff("VP8 ", vp8.array());
    assertEquals(List.of(new Size(1920, 1080)), WebpDimensions.declared(file));
  }

  @Test
  void truncatedOrDamagedChunksGiveWhatWasFoundAndNeverThrow() {
    byte[] file = ImageBombs.webpCanvasHidingFrame(100, 100, 200, 300);
    for (int n = 12; n < file.length; n++) {
      WebpDimensions.declared(Arrays.copyOf(file, n)); // no exception at any length
    }
    assertEquals(List.of(new Size(100, 100)), WebpDimensions.declared(Arrays.copyOf(file, 34)));
    assertEquals(List.of(), WebpDimensions.declared(riff("VP8L", new byte[] {0x00, 1, 2, 3, 4})),
        "no VP8L signature");
  }

  private static byte[] riff(String fourcc, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(20 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + data.length);
    b.put("WEBP".getBytes(StandardCharsets.US_ASCII));
    b.put(fourcc.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    return b.array();
  }
}
