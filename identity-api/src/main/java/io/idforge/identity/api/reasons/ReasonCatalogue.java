package io.idforge.identity.api.reasons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The declined/expired reason catalogue, loaded as data from {@code reasons.csv} (a copy of
 * {@code shared/spec/reasons.csv}). A code may appear in several rows, one per validator; lookups
 * answer by code and kind, optionally narrowed to a validator.
 */
public final class ReasonCatalogue {

  private static final String RESOURCE = "reasons.csv";
  private static final ReasonCatalogue DEFAULT = load();

  private final List<Reason> reasons;

  /**
   * The rows of each kind and code, in file order: {@link #find} runs for every process the
   * expiry sweep expires, where a scan of the whole file was 2 % of its CPU.
   */
  private final Map<ReasonKind, Map<String, List<Reason>>> byKindAndCode;

  private ReasonCatalogue(List<Reason> reasons) {
    this.reasons = List.copyOf(reasons);
    Map<ReasonKind, Map<String, List<Reason>>> index = new HashMap<>();
    for (Reason r : this.reasons) {
      index.computeIfAbsent(r.kind(), k -> new HashMap<>())
          .computeIfAbsent(r.code(), c -> new ArrayList<>())
          .add(r);
    }
    index.replaceAll((kind, codes) -> {
      codes.replaceAll((code, rows) -> List.copyOf(rows));
      return Map.copyOf(codes);
    });
    this.byKindAndCode = Map.copyOf(index);
  }

  /** The catalogue shipped with this build. */
  public static ReasonCatalogue standard() {
    return DEFAULT;
  }

  public List<Reason> all() {
    return reasons;
  }

  /** True when {@code code} is a known value for the field described by {@code kind}. */
  public boolean isKnown(ReasonKind kind, String code) {
    return find(kind, code, null).isPresent();
  }

  /** True when {@code code} is a known {@code declined_reason} (declined or canceled rows). */
  public boolean isDeclinedReason(String code) {
    return isKnown(ReasonKind.DECLINED, code) || isKnown(ReasonKind.CANCELED, code);
  }

  /** True when {@code code} is a known {@code expired_reason}. */
  public boolean isExpiredReason(String code) {
    return isKnown(ReasonKind.EXPIRED, code);
  }

  /**
   * The row for a code, preferring the one of {@code validator} when several validators share the
   * code.
   */
  public Optional<Reason> find(ReasonKind kind, String code, String validator) {
    Map<String, List<Reason>> codes = kind == null ? null : byKindAndCode.get(kind);
    List<Reason> rows = codes == null || code == null ? null : codes.get(code);
    if (rows == null) {
      return Optional.empty();
    }
    if (validator != null) {
      for (Reason r : rows) {
        if (r.validator().equals(validator)) {
          return Optional.of(r);
        }
      }
    }
    return Optional.of(rows.get(0));
  }

  /** The catalogued codes of one kind, in file order, without duplicates. */
  public Set<String> codes(ReasonKind kind) {
    Set<String> codes = new LinkedHashSet<>();
    for (Reason r : reasons) {
      if (r.kind() == kind) {
        codes.add(r.code());
      }
    }
    return codes;
  }

  static ReasonCatalogue load() {
    try (InputStream in = ReasonCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("reason catalogue " + RESOURCE + " missing from the build");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReasonCatalogue parse(BufferedReader reader) throws IOException {
    List<Reason> rows = new ArrayList<>();
    String header = reader.readLine();
    if (header == null || !header.startsWith("code,kind,validator")) {
      throw new IllegalStateException("reason catalogue has an unexpected header: " + header);
    }
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      // The description is the last column and may contain commas; the others never do.
      String[] f = line.split(",", 9);
      if (f.length != 9) {
        throw new IllegalStateException("reason catalogue row has " + f.length + " columns: " + line);
      }
      Set<String> countries =
          f[4].isBlank() ? Set.of() : Set.copyOf(Arrays.asList(f[4].trim().split("\\s+")));
      rows.add(
          new Reason(
              f[0].trim(), ReasonKind.fromCsv(f[1].trim()), f[2].trim(), f[3].trim(), countries,
              f[5].trim(), f[6].trim(), unquote(f[8].trim())));
    }
    return new ReasonCatalogue(rows);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1).replace("\"\"", "\"")
        : s;
  }
}
