package io.idforge.identity.face.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads face-api's six demo group photos ({@code package/demo/sample1..6.jpg}) straight out of the
 * pinned, cached npm tarball {@code @vladmandic/face-api@1.7.15}, after checking its integrity.
 * The photos are used at build/test time only and never written into the repository.
 *
 * <p>Deliberately the only class that knows the tarball: once the models stream's {@code
 * io.idforge.identity.face.models} package reader ({@code NpmPackageCache}/{@code PinnedPackage})
 * is merged, this class delegates to it and its own tar reading goes away.
 */
public final class FaceApiDemoPhotos {

  /** The tarball's file name in the cache (scoped name flattened, as the model build does). */
  public static final String TARBALL = "vladmandic-face-api-1.7.15.tgz";

  /** npm's {@code integrity} of the pinned tarball. */
  static final String INTEGRITY =
      "sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw==";

  private static final Pattern SAMPLE = Pattern.compile("package/demo/(sample[1-6])\\.jpg");

  private FaceApiDemoPhotos() {}

  /** The default cache folder: {@code face.models.cache}, else {@code ~/.cache/idforge/npm}. */
  public static Path defaultCache() {
    String configured = System.getProperty("face.models.cache");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "idforge", "npm");
  }

  /**
   * The demo photos by name ({@code sample1} … {@code sample6}), JPEG bytes, in name order.
   *
   * @throws IOException when the tarball is missing, unreadable or fails its integrity check
   */
  public static Map<String, byte[]> read(Path cacheDir) throws IOException {
    Path tarball = cacheDir.resolve(TARBALL);
    byte[] tgz = Files.readAllBytes(tarball);
    if (!INTEGRITY.equals(integrity(tgz))) {
      throw new IOException(tarball + " does not match the pinned integrity " + INTEGRITY);
    }
    Map<String, byte[]> photos = new TreeMap<>();
    try (InputStream tar = new GZIPInputStream(new java.io.ByteArrayInputStream(tgz))) {
      byte[] header = new byte[512];
      while (readFully(tar, header)) {
        if (isZeroBlock(header)) {
          break;
        }
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0"
            : field(header, 124, 12).trim(), 8);
        byte[] body = readBody(tar, size);
        var m = SAMPLE.matcher(name);
        if (header[156] != 'x' && header[156] != 'g' && m.matches()) {
          photos.put(m.group(1), body);
        }
      }
    }
    if (photos.size() != 6) {
      throw new IOException(tarball + ": expected 6 demo photos, found " + photos.keySet());
    }
    return photos;
  }

  static String integrity(byte[] bytes) {
    try {
      return "sha512-"
          + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is a required JDK algorithm", e);
    }
  }

  private static byte[] readBody(InputStream in, long size) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(size, 1 << 24));
    long padded = (size + 511) / 512 * 512;
    byte[] buf = new byte[8192];
    long left = padded;
    while (left > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("truncated tar entry");
      }
      long keep = Math.max(0, Math.min(n, size - (padded - left)));
      body.write(buf, 0, (int) keep);
      left -= n;
    }
    return body.toByteArray();
  }

  private static boolean readFully(InputStream in, byte[] block) throws IOException {
    int off = 0;
    while (off < block.length) {
      int n = in.read(block, off, block.length - off);
      if (n < 0) {
        return false;
      }
      off += n;
    }
    return true;
  }

  private static boolean isZeroBlock(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
