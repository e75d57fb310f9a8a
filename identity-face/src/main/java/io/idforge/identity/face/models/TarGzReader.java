package io.idforge.identity.face.models;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Just enough of tar to pull named files out of an npm tarball (gzip, ustar, npm's single root
 * folder, usually {@code package/}). GNU long names ({@code L}) and pax headers ({@code x}) are
 * honoured for the entry's path; other extended data (global pax, long link names) is skipped.
 * Symbolic links, devices and the like are ignored: we only read regular files.
 */
final class TarGzReader {

  private static final int BLOCK = 512;

  private TarGzReader() {
  }

  /**
   * Reads the wanted regular files in one pass.
   *
   * @param tarGz the gzipped tar stream (not closed here)
   * @param wanted paths relative to the tarball's root folder, e.g. {@code model/x.bin}
   * @return the files found, by wanted path; missing ones are simply absent
   */
  static Map<String, byte[]> extract(InputStream tarGz, Set<String> wanted) throws IOException {
    Map<String, byte[]> found = new HashMap<>();
    InputStream tar = new GZIPInputStream(tarGz, 1 << 16);
    byte[] header = new byte[BLOCK];
    String pendingLongName = null;
    while (found.size() < wanted.size()) {
      if (!readBlock(tar, header)) {
        break;
      }
      if (isZeroBlock(header)) {
        break; // end-of-archive marker
      }
      long size = parseOctal(header, 124, 12);
      char type = (char) header[156];
      String name = pendingLongName != null ? pendingLongName : headerName(header);
      pendingLongName = null;
      switch (type) {
        case 'L' -> pendingLongName = trimNul(new String(readData(tar, size), StandardCharsets.UTF_8));
        case 'x' -> pendingLongName = paxPath(readData(tar, size));
        case '0', '\0' -> {
          String relative = stripRoot(name);
          if (wanted.contains(relative)) {
            found.put(relative, readData(tar, size));
          } else {
            skipData(tar, size);
          }
        }
        default -> skipData(tar, size); // directories, links, global pax 'g', long link 'K', ...
      }
    }
    return found;
  }

  private static String headerName(byte[] header) {
    String name = field(header, 0, 100);
    boolean ustar = "ustar".equals(field(header, 257, 5));
    String prefix = ustar ? field(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** npm tarballs put everything under one folder whose name varies ({@code package/} mostly). */
  private static String stripRoot(String name) {
    String n = name.startsWith("./") ? name.substring(2) : name;
    int slash = n.indexOf('/');
    return slash < 0 ? n : n.substring(slash + 1);
  }

  /** A pax record is {@code "<len> <key>=<value>\n"}; only {@code path} matters to us. */
  private static String paxPath(byte[] data) {
    String path = null;
    int pos = 0;
    while (pos < data.length) {
      int space = indexOf(data, (byte) ' ', pos);
      if (space < 0) {
        break;
      }
      int length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII).trim());
      if (length <= 0 || pos + length > data.length) {
        break;
      }
      String record = new String(data, space + 1, pos + length - space - 2, StandardCharsets.UTF_8);
      if (record.startsWith("path=")) {
        path = record.substring(5);
      }
      pos += length;
    }
    return path;
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String trimNul(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }

  private static long parseOctal(byte[] header, int offset, int length) throws IOException {
    if ((header[offset] & 0x80) != 0) {
      throw new IOException("tar: base-256 sizes are not supported (entry larger than 8 GB?)");
    }
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      byte b = header[i];
      if (b == 0 || b == ' ') {
        if (value > 0) {
          break;
        }
        continue;
      }
      if (b < '0' || b > '7') {
        throw new IOException("tar: corrupt header (non-octal size)");
      }
      value = value * 8 + (b - '0');
    }
    return value;
  }

  private static boolean isZeroBlock(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int read = in.readNBytes(block, 0, BLOCK);
    if (read == 0) {
      return false;
    }
    if (read < BLOCK) {
      throw new EOFException("tar: truncated header");
    }
    return true;
  }

  private static byte[] readData(InputStream in, long size) throws IOException {
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException("tar: entry too large to read into memory: " + size);
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new EOFException("tar: truncated entry");
    }
    skipFully(in, padding(size));
    return data;
  }

  private static void skipData(InputStream in, long size) throws IOException {
    skipFully(in, size + padding(size));
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static void skipFully(InputStream in, long n) throws IOException {
    // GZIPInputStream.skip may return short counts; readNBytes-style loop is simplest and exact.
    long remaining = n;
    byte[] sink = new byte[8192];
    while (remaining > 0) {
      int r = in.read(sink, 0, (int) Math.min(sink.length, remaining));
      if (r < 0) {
        throw new EOFException("tar: truncated entry");
      }
      remaining -= r;
    }
  }
}
