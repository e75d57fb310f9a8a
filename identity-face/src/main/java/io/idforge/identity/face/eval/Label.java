package io.idforge.identity.face.eval;

import java.util.Locale;

/** The ground truth of a pair: the same person on both sides, or two different people. */
public enum Label {
  GENUINE,
  IMPOSTOR;

  /** The spelling in {@code pairs.csv}: {@code genuine} or {@code impostor}. */
  public String csv() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Label parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "genuine" -> GENUINE;
      case "impostor" -> IMPOSTOR;
      default -> throw new IllegalArgumentException(
          "label must be genuine or impostor, got '" + value + "'");
    };
  }
}
