package io.idforge.identity.core.document.mrz;

/** The three ICAO 9303 machine-readable travel document sizes, by line count and length. */
public enum MrzFormat {
  /** ID-1 cards (Part 5): three lines of 30 characters. */
  TD1(3, 30),
  /** ID-2 cards (Part 6): two lines of 36 characters. */
  TD2(2, 36),
  /** Passport books (Part 4): two lines of 44 characters. */
  TD3(2, 44);

  private final int lines;
  private final int length;

  MrzFormat(int lines, int length) {
    this.lines = lines;
    this.length = length;
  }

  public int lines() {
    return lines;
  }

  public int length() {
    return length;
  }
}
