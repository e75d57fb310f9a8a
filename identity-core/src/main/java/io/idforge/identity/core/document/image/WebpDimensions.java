package io.idforge.identity.core.document.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Every picture size a WEBP file declares, read from its RIFF chunks without decoding: the VP8X
 * canvas, each lossy (VP8) and lossless (VP8L) bitstream header, and each animation frame (ANMF)
 * with the bitstreams nested in it.
 *
 * <p>Why not only the reader's {@code getWidth}: for an extended file readers report the VP8X
 * canvas, while the decoder sizes its work by the bitstream's own header, so a 100 × 100 canvas
 * can carry a 16384 × 16384 frame. Checking every declared size closes that gap. Never throws:
 * a damaged or truncated chunk ends the walk with what was found, and the decoder then reports
 * the damage.
 */
final class WebpDimensions {

  /** One declared size. */
  record Size(int width, int height) {}

  private WebpDimensions() {}

  /** The sizes declared in {@code webp}, a file starting {@code RIFF....WEBP}. */
  static List<Size> declared(byte[] webp) {
    List<Size> sizes = new ArrayList<>();
    walk(webp, 12, webp.length, sizes, 0);
    return sizes;
  }

  private static void walk(byte[] b, int from, int end, List<Size> sizes, int depth) {
    int i = from;
    while (i + 8 <= end) {
      String fourcc = new String(b, i, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long length = u32(b, i + 4);
      int data = i + 8;
      if (length > end - data) {
        length = end - data; // truncated: look at what is there
      }
      int stop = data + (int) length;
      switch (fourcc) {
        case "VP8X" -> {
          if (length >= 10) {
            sizes.add(new Size(1 + u24(b, data + 4), 1 + u24(b, data + 7)));
          }
        }
        case "VP8L" -> {
          if (length >= 5 && (b[data] & 0xFF) == 0x2F) {
            long bits = u32(b, data + 1);
            sizes.add(new Size((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1));
          }
        }
        case "VP8 " -> {
          if (length >= 10 && (b[data + 3] & 0xFF) == 0x9D && (b[data + 4] & 0xFF) == 0x01
              && (b[data + 5] & 0xFF) == 0x2A) {
            sizes.add(new Size(u16(b, data + 6) & 0x3FFF, u16(b, data + 8) & 0x3FFF));
          }
        }
        case "ANMF" -> {
          if (length >= 16) {
            sizes.add(new Size(1 + u24(b, data + 6), 1 + u24(b, data + 9)));
            if (depth == 0) {
              walk(b, data + 16, stop, sizes, depth + 1);
            }
          }
        }
        default -> {
          // ICCP, ALPH, ANIM, EXIF, XMP and unknown chunks declare no picture size
        }
      }
      i = stop + (int) (length & 1); // chunks are padded to an even length
    }
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
  }

  private static int u24(byte[] b, int at) {
    return u16(b, at) | ((b[at + 2] & 0xFF) << 16);
  }

  private static long u32(byte[] b, int at) {
    return (u24(b, at) | ((long) (b[at + 3] & 0xFF) << 24));
  }
}
