package io.idforge.identity.face.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The two digests the model supply checks: npm's sha512 integrity and per-file sha256. */
final class Checksums {

  private Checksums() {
  }

  static String sha256Hex(byte[] content) {
    return HexFormat.of().formatHex(digest("SHA-256").digest(content));
  }

  static String sha256Hex(Path file) throws IOException {
    return HexFormat.of().formatHex(digestFile(file, "SHA-256"));
  }

  /** npm's Subresource-Integrity form of a file: {@code sha512-<base64>}. */
  static String npmIntegrity(Path file) throws IOException {
    return "sha512-" + Base64.getEncoder().encodeToString(digestFile(file, "SHA-512"));
  }

  private static byte[] digestFile(Path file, String algorithm) throws IOException {
    MessageDigest digest = digest(algorithm);
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.digest();
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is mandatory on every Java platform", e);
    }
  }
}
