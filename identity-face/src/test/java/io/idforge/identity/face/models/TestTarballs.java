package io.idforge.identity.face.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writes small ustar tarballs (gzipped) for the reader and cache tests, header by header. */
final class TestTarballs {

  private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

  /** A regular file, the name split into ustar prefix + name when it is longer than 100 bytes. */
  TestTarballs file(String path, byte[] content) {
    String prefix = "";
    String name = path;
    if (path.length() > 100) {
      int slash = path.lastIndexOf('/', 154);
      prefix = path.substring(0, slash);
      name = path.substring(slash + 1);
    }
    return entry(name, prefix, '0', content);
  }

  TestTarballs file(String path, String content) {
    return file(path, content.getBytes(StandardCharsets.UTF_8));
  }

  TestTarballs directory(String path) {
    return entry(path, "", '5', new byte[0]);
  }

  /** GNU tar's long name: an {@code L} entry carrying the name, then the file with a truncated one. */
  TestTarballs gnuLongName(String path, String content) {
    entry("././@LongLink", "", 'L', (path + "\0").getBytes(StandardCharsets.UTF_8));
    return entry(path.substring(0, 99), "", '0', content.getBytes(StandardCharsets.UTF_8));
  }

  /** A pax extended header with a path record, then the file under a placeholder name. */
  TestTarballs paxPath(String path, String content) {
    entry("PaxHeaders/x", "", 'x', paxRecord("mtime", "1700000000.5"), paxRecord("path", path));
    return entry("placeholder", "", '0', content.getBytes(StandardCharsets.UTF_8));
  }

  TestTarballs globalPax() {
    return entry("pax_global_header", "", 'g', paxRecord("comment", "ignored"));
  }

  byte[] gzip() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(tar.toByteArray());
        gz.write(new byte[1024]); // end-of-archive: two zero blocks
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] paxRecord(String key, String value) {
    String body = " " + key + "=" + value + "\n";
    int length = body.length() + 1;
    while (Integer.toString(length).length() + body.length() != length) {
      length = Integer.toString(length).length() + body.length();
    }
    return (length + body).getBytes(StandardCharsets.UTF_8);
  }

  private TestTarballs entry(String name, String prefix, char type, byte[]... parts) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      data.writeBytes(part);
    }
    byte[] content = data.toByteArray();
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", content.length));
    put(header, 136, "00000000000");
    header[156] = (byte) type;
    put(header, 257, "ustar");
    put(header, 263, "00");
    put(header, 345, prefix);
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xFF;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    tar.writeBytes(header);
    tar.writeBytes(content);
    tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
    return this;
  }

  private static void put(byte[] header, int offset, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
