package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TarGzReaderTest {

  private static final String LONG_DIR = "model/" + "very-long-directory-name/".repeat(5);

  @Test
  void extractsWantedFilesRelativeToTheRootFolder() throws IOException {
    byte[] binary = new byte[1500]; // spans several blocks, not a multiple of 512
    Arrays.fill(binary, (byte) 0xA5);
    byte[] tgz = new TestTarballs()
        .globalPax()
        .directory("package/")
        .file("package/README.md", "skipped")
        .file("package/model/weights.bin", binary)
        .file("package/model/manifest.json", "[]")
        .gzip();

    Map<String, byte[]> files = TarGzReader.extract(new ByteArrayInputStream(tgz),
        Set.of("model/weights.bin", "model/manifest.json", "model/absent.bin"));

    assertEquals(Set.of("model/weights.bin", "model/manifest.json"), files.keySet());
    assertArrayEquals(binary, files.get("model/weights.bin"));
    assertEquals("[]", new String(files.get("model/manifest.json"), StandardCharsets.UTF_8));
  }

  @Test
  void honoursLongNamesFromUstarPrefixGnuAndPaxHeaders() throws IOException {
    String ustar = LONG_DIR + "ustar-prefixed-file.txt";
    String gnu = LONG_DIR + "gnu-long-name-file.txt";
    String pax = LONG_DIR + "pax-path-file.txt";
    byte[] tgz = new TestTarballs()
        .file("package/" + ustar, "via prefix")
        .gnuLongName("package/" + gnu, "via L entry")
        .paxPath("package/" + pax, "via pax path")
        .file("package/after.txt", "still in sync")
        .gzip();

    Map<String, byte[]> files = TarGzReader.extract(new ByteArrayInputStream(tgz),
        Set.of(ustar, gnu, pax, "after.txt", "placeholder", "package/placeholder"));

    assertEquals("via prefix", text(files, ustar));
    assertEquals("via L entry", text(files, gnu));
    assertEquals("via pax path", text(files, pax));
    assertEquals("still in sync", text(files, "after.txt"));
    assertEquals(4, files.size(), "the placeholder names of long-name entries must not be used");
  }

  @Test
  void rejectsATruncatedArchive() throws IOException {
    byte[] tgz = new TestTarballs().file("package/a.bin", new byte[4000]).gzip();
    byte[] truncatedTar = gzipPrefix(tgz, 1000);
    assertThrows(IOException.class, () -> TarGzReader.extract(new ByteArrayInputStream(truncatedTar),
        Set.of("a.bin")));
  }

  /** A valid gzip stream holding only the first bytes of the tar (a cut-off download, re-gzipped). */
  private static byte[] gzipPrefix(byte[] tgz, int tarBytes) throws IOException {
    byte[] tar = new GZIPInputStream(new ByteArrayInputStream(tgz)).readAllBytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(tar, 0, tarBytes);
    }
    return out.toByteArray();
  }

  private static String text(Map<String, byte[]> files, String path) {
    byte[] content = files.get(path);
    return content == null ? null : new String(content, StandardCharsets.UTF_8);
  }
}
