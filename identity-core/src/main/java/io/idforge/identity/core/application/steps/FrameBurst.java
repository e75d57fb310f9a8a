package io.idforge.identity.core.application.steps;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frames of a liveness burst packed into one object, so that a burst is stored (sealed) and
 * read back as one media row: a magic tag, the frame count and each frame with its length.
 */
public final class FrameBurst {

  /** The stored object's MIME type. */
  public static final String MIME_TYPE = "application/x-idforge-frames";

  /** Largest burst: 24 frames of a 640 px JPEG are well below it. */
  public static final int MAX_BYTES = 12 * 1024 * 1024;

  private static final byte[] MAGIC = "IDFB1".getBytes(StandardCharsets.US_ASCII);

  private FrameBurst() {}

  public static byte[] pack(List<byte[]> frames) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeInt(frames.size());
      for (byte[] f : frames) {
        out.writeInt(f.length);
        out.write(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The frames of a packed burst; a damaged object is an {@link IllegalArgumentException}. */
  public static List<byte[]> unpack(byte[] packed) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(packed))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException("not a frame burst");
      }
      int n = in.readInt();
      if (n < 0 || n > 64) {
        throw new IllegalArgumentException("bad frame count " + n);
      }
      List<byte[]> frames = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int len = in.readInt();
        if (len < 0 || len > in.available()) {
          throw new IllegalArgumentException("bad frame length");
        }
        frames.add(in.readNBytes(len));
      }
      return frames;
    } catch (IOException e) {
      throw new IllegalArgumentException("damaged frame burst", e);
    }
  }
}
