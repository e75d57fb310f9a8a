package io.idforge.identity.face.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The labelled-pairs folder format: images anywhere under a folder, plus {@code pairs.csv} in it.
 *
 * <pre>
 * left,right,label,subject
 * selfies/0001.jpg,documents/0001.jpg,genuine,0001
 * selfies/0001.jpg,documents/0002.jpg,impostor,
 * </pre>
 *
 * UTF-8; a header line naming the columns {@code left}, {@code right}, {@code label} (genuine or
 * impostor) and optionally {@code subject}, in any order (other columns are ignored); one pair a
 * line; blank lines and lines starting with {@code #} are skipped. Paths are relative to the
 * folder, with {@code /} separators, and may not leave it. No quoting: a path may not contain a
 * comma. Simple on purpose, so that an enterprise can write it from a spreadsheet or a script.
 */
public final class PairsFile {

  public static final String FILE_NAME = "pairs.csv";

  private PairsFile() {}

  /** Reads {@code folder/pairs.csv}; fails with the line number on a malformed line. */
  public static List<LabelledPair> read(Path folder) throws IOException {
    Path file = folder.resolve(FILE_NAME);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
      lines.set(0, lines.get(0).substring(1)); // a byte-order mark left by spreadsheet exports
    }
    int headerAt = firstContentLine(lines, 0);
    if (headerAt < 0) {
      throw new IOException(file + ": no header line");
    }
    List<String> header =
        Arrays.stream(split(lines.get(headerAt))).map(h -> h.toLowerCase(Locale.ROOT)).toList();
    int left = column(header, "left", file);
    int right = column(header, "right", file);
    int label = column(header, "label", file);
    int subject = header.indexOf("subject");
    List<LabelledPair> pairs = new ArrayList<>();
    for (int i = headerAt + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (isSkipped(line)) {
        continue;
      }
      String[] cells = split(line);
      try {
        if (cells.length <= Math.max(left, Math.max(right, label))) {
          throw new IllegalArgumentException("expected " + header.size() + " columns");
        }
        String subj = subject >= 0 && subject < cells.length ? cells[subject] : "";
        LabelledPair pair =
            new LabelledPair(
                cells[left],
                cells[right],
                Label.parse(cells[label]),
                subj.isEmpty() ? Optional.empty() : Optional.of(subj));
        resolve(folder, pair.left());
        resolve(folder, pair.right());
        pairs.add(pair);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return pairs;
  }

  /** Writes {@code folder/pairs.csv} with the subject column. */
  public static void write(Path folder, List<LabelledPair> pairs) throws IOException {
    StringBuilder out = new StringBuilder("left,right,label,subject\n");
    for (LabelledPair p : pairs) {
      out.append(p.left()).append(',').append(p.right()).append(',').append(p.label().csv())
          .append(',').append(p.subject().orElse("")).append('\n');
    }
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(FILE_NAME), out, StandardCharsets.UTF_8);
  }

  /** The file a pair path names; rejects absolute paths and paths leaving the folder. */
  public static Path resolve(Path folder, String relative) {
    Path base = folder.toAbsolutePath().normalize();
    Path rel = Path.of(relative);
    Path resolved = base.resolve(rel).normalize();
    if (rel.isAbsolute() || !resolved.startsWith(base)) {
      throw new IllegalArgumentException("path must stay inside the pairs folder: " + relative);
    }
    return resolved;
  }

  /** Reads the bytes of a pair side, naming the path on failure. */
  static byte[] bytes(Path folder, String relative) {
    try {
      return Files.readAllBytes(resolve(folder, relative));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
  }

  private static int column(List<String> header, String name, Path file) throws IOException {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IOException(file + ": header has no '" + name + "' column: " + header);
    }
    return i;
  }

  private static int firstContentLine(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!isSkipped(lines.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isSkipped(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }

  private static String[] split(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].strip();
    }
    return cells;
  }
}
