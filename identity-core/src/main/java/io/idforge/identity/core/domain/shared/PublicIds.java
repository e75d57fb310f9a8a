package io.idforge.identity.core.domain.shared;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Public identifiers as Truora shapes them: a three-letter prefix and 32 lowercase hex digits from
 * a {@link SecureRandom}, e.g. {@code IDP3ca341c4d9676046f26d1f8bd0421234}.
 */
public final class PublicIds {

  public static final String CLIENT = "TCI";
  public static final String FLOW = "IPF";
  public static final String PROCESS = "IDP";
  public static final String VALIDATION = "VLD";
  public static final String ACCOUNT = "ACC";
  public static final String STEP = "IPS";
  public static final String ENROLLMENT = "ENR";

  private static final SecureRandom RANDOM = new SecureRandom();

  private PublicIds() {}

  public static String next(String prefix) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }

  /** True when {@code id} has the shape of an id we generated with {@code prefix}. */
  public static boolean looksLike(String prefix, String id) {
    return id != null
        && id.length() == prefix.length() + 32
        && id.startsWith(prefix)
        && id.substring(prefix.length()).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
