package io.idforge.identity.core.document.image;

import java.nio.charset.StandardCharsets;

/**
 * The few facts ImageIO does not act on that a JPEG's marker segments carry, read by walking the
 * segments up to the first scan: the EXIF orientation (APP1), the Adobe colour transform (APP14)
 * and the number of colour components (SOF). Never throws: damaged or absent segments give the
 * defaults (orientation 1, no Adobe marker, 0 components), and the decoder then reports the real
 * damage.
 *
 * @param orientation EXIF tag 0x0112, 1 to 8 (1 = as stored)
 * @param adobeTransform the APP14 transform byte (0 = none/CMYK, 1 = YCbCr, 2 = YCCK), or -1 when
 *     the file has no Adobe segment
 * @param components 1 (grey), 3 (colour), 4 (CMYK or YCCK), or 0 when no frame header was found
 */
public record JpegHeader(int orientation, int adobeTransform, int components) {

  private static final int ORIENTATION_TAG = 0x0112;
  private static final JpegHeader NONE = new JpegHeader(1, -1, 0);

  /** True when the Adobe segment is present: Adobe writes CMYK and YCCK with inverted values. */
  public boolean adobe() {
    return adobeTransform >= 0;
  }

  /** Reads the header of {@code jpeg}; defaults for anything that is not a readable JPEG. */
  public static JpegHeader parse(byte[] jpeg) {
    if (jpeg == null || jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
      return NONE;
    }
    int orientation = 1;
    int adobeTransform = -1;
    int components = 0;
    int i = 2;
    while (i + 4 <= jpeg.length) {
      if ((jpeg[i] & 0xFF) != 0xFF) {
        break; // not a marker: damaged header, keep what was found
      }
      int marker = jpeg[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // fill byte
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        i += 2; // markers without a length
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        break; // start of scan or end of image: no more header segments
      }
      int length = u16be(jpeg, i + 2);
      int data = i + 4;
      int end = i + 2 + length;
      if (length < 2 || end > jpeg.length) {
        break;
      }
      if (marker == 0xE1 && startsWith(jpeg, data, end, "Exif\0\0")) {
        orientation = exifOrientation(jpeg, data + 6, end);
      } else if (marker == 0xEE && startsWith(jpeg, data, end, "Adobe") && end - data >= 12) {
        adobeTransform = jpeg[data + 11] & 0xFF;
      } else if (isFrameHeader(marker) && end - data >= 6) {
        components = jpeg[data + 5] & 0xFF;
      }
      i = end;
    }
    return new JpegHeader(orientation, adobeTransform, components);
  }

  private static boolean isFrameHeader(int marker) {
    // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  /** The orientation in the TIFF structure at [tiff, end): IFD0 only, as the EXIF spec puts it. */
  private static int exifOrientation(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) {
      return 1;
    }
    boolean little;
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
      little = true;
    } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
      little = false;
    } else {
      return 1;
    }
    if (u16(b, tiff + 2, little) != 42) {
      return 1;
    }
    long ifd = u32(b, tiff + 4, little);
    if (ifd < 8 || tiff + ifd + 2 > end) {
      return 1;
    }
    int entries = tiff + (int) ifd;
    int count = u16(b, entries, little);
    for (int k = 0; k < count; k++) {
      int entry = entries + 2 + 12 * k;
      if (entry + 12 > end) {
        return 1;
      }
      if (u16(b, entry, little) == ORIENTATION_TAG) {
        int type = u16(b, entry + 2, little);
        int value = type == 3 ? u16(b, entry + 8, little) : (int) u32(b, entry + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static boolean startsWith(byte[] b, int from, int end, String ascii) {
    byte[] magic = ascii.getBytes(StandardCharsets.ISO_8859_1);
    if (from + magic.length > end) {
      return false;
    }
    for (int k = 0; k < magic.length; k++) {
      if (b[from + k] != magic[k]) {
        return false;
      }
    }
    return true;
  }

  private static int u16be(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  private static int u16(byte[] b, int at, boolean little) {
    return little ? (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) : u16be(b, at);
  }

  private static long u32(byte[] b, int at, boolean little) {
    long v = 0;
    for (int k = 0; k < 4; k++) {
      int shift = little ? 8 * k : 8 * (3 - k);
      v |= (long) (b[at + k] & 0xFF) << shift;
    }
    return v;
  }
}
