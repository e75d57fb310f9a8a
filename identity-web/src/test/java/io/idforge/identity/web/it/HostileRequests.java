package io.idforge.identity.web.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * Generates one hostile request per case for {@link FuzzIT}: every public endpoint of the service
 * (the {@code /v1} API, the process URL and the hosted page), with query strings, path ids, form
 * and JSON bodies, Content-Types and keys drawn from valid values, edge values and attacks. A
 * case depends only on its seed, so a failure is replayed with {@code -Dfuzz.seed} and
 * {@code -Dfuzz.case}.
 */
final class HostileRequests {

  /** What the generator knows of the fuzzed tenant: real ids make deeper paths reachable. */
  record Fixture(String backendKey, String webToken, String adminKey, String flowId, String processId, String accountId) {}

  /** One generated request; {@code key} null sends no {@code Truora-API-Key}. */
  record Request(String method, String pathAndQuery, String contentType, String body, String key, String adminKey) {

    boolean hosted() {
      return !pathAndQuery.startsWith("/v1/");
    }

    @Override
    public String toString() {
      return method + " " + pathAndQuery + (contentType == null ? "" : " [Content-Type: " + contentType + "]")
          + (body == null ? "" : " body=" + (body.length() > 300 ? body.substring(0, 300) + "...(" + body.length() + ")" : body));
    }
  }

  private static final String[] QUERY_NAMES = {
    "status", "failure_status", "declined_reason", "start_date", "end_date", "search", "start_key",
    "key_type", "expires", "signature", "token", "lang", "process_id"
  };
  private static final String[] API_KEY_FIELDS = {
    "key_type", "grant", "api_key_version", "country", "redirect_url", "flow_id", "account_id", "phone",
    "phones[]", "phones[0]", "emails", "emails[]", "document_type", "key_name", "billing_hub",
    "start_variables.metadata.name"
  };
  private static final String[] ACCOUNT_FIELDS = {
    "account_id", "email", "country", "document_number", "document_type", "document_issue_date",
    "first_name", "last_name", "phone_number", "facebook_user", "twitter_user"
  };
  private static final String[] CONTENT_TYPES = {
    null, "*/*", "application/*", "text/plain", "application/json", "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/json; charset=utf-16",
    "multipart/form-data; boundary=zz", "garbage", "application/json;;", "application/xml"
  };
  private static final String[] EDGES = {
    "", " ", "0", "-1", "1", "2", "99999999999999999999", "1e309", "NaN", "0x10", "true", "null",
    "+999999999-12-31", "-0001-01-01", "0000-01-01", "2024-02-30", "9999-12-31", "0001-01-01",
    "+999999999-12-31T00:00:00Z", "-0001-01-01T00:00:00Z", "2024-01-01T00:00:00Z",
    "9999-12-31T23:59:59-18:00", "2024-01-01T00:00:00", "web", "backend", "sdk", "generator",
    "digital-identity", "ALL", "CO", "co", "XX", "pending", "success", "failure", "declined", "expired",
    "system_error", "blurry_image", "national-id", "passport", "es", "pt", "en", "https://example.com/done",
    "javascript:alert(1)", "http://", "+573101234567", "+57", "ana@example.com", "a@b", "' OR 1=1 --",
    "%", "_", "\\", "\"", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "#{1+1}", "{{7*7}}",
    "../../etc/passwd", "a\u0000b", "\u0000", "line\nbreak", "tab\there", "\u202eevil", "\ud83d\ude00",
    "\u00e9\u4e2d\u0915", "IDP00000000000000000000000000000000", "ACC00000000000000000000000000000000",
    "IPF00000000000000000000000000000000", "TCI00000000000000000000000000000000",
    "eyJhbGciOiJub25lIn0.eyJqdGkiOiJ4In0.", "a.b.c"
  };

  private final SplittableRandom random;
  private final Fixture fixture;

  HostileRequests(long seed, Fixture fixture) {
    this.random = new SplittableRandom(seed);
    this.fixture = fixture;
  }

  Request next() {
    return switch (random.nextInt(22)) {
      case 0, 1 -> get("/v1/processes" + query());
      case 2 -> get("/v1/processes/" + id() + query());
      case 3 -> get("/v1/processes/" + id() + "/result");
      case 4 -> new Request("POST", "/v1/processes" + query(), maybeType(null), maybe(formBody(API_KEY_FIELDS)), key(), null);
      case 5 -> get("/v1/flows" + query());
      case 6 -> get("/v1/flows/" + id());
      case 7, 8 -> json("POST", "/v1/flows");
      case 9 -> json("PUT", "/v1/flows/" + (random.nextInt(3) == 0 ? id() : fixture.flowId()));
      case 10 -> get("/v1/accounts" + query());
      case 11 -> get("/v1/accounts/" + id());
      case 12, 13 -> form("/v1/accounts", accountForm());
      case 14, 15 -> form("/v1/api-keys", apiKeyForm());
      case 16 -> get("/v1/api-keys" + query());
      case 17 -> new Request("DELETE", "/v1/api-keys/" + id(), null, null, key(), null);
      case 18 -> get("/v1/media/" + id() + "?expires=" + enc(text()) + "&signature=" + enc(text()));
      case 19 -> adminClient();
      case 20 -> hostedEntry();
      default -> hostedPage();
    };
  }

  // ------------------------------------------------------------------ endpoints

  private Request get(String pathAndQuery) {
    return new Request("GET", pathAndQuery, null, null, key(), null);
  }

  private Request form(String path, String body) {
    return new Request("POST", path + (random.nextInt(8) == 0 ? query() : ""), maybeType("application/x-www-form-urlencoded"), body, key(), null);
  }

  private Request json(String method, String path) {
    return new Request(method, path, maybeType("application/json"), flowJson(), key(), null);
  }

  private Request adminClient() {
    String body = mutateForm(new ArrayList<>(List.of("name", "fuzz-" + random.nextInt(1000000), "key_name", "backend")), new String[] {"name", "key_name"});
    String admin = random.nextInt(4) == 0 ? headerSafe(text()) : fixture.adminKey();
    return new Request("POST", "/v1/admin/clients", maybeType("application/x-www-form-urlencoded"), body, null, admin);
  }

  private Request hostedEntry() {
    String token = pick(fixture.webToken(), fixture.backendKey(), text(), "");
    if (random.nextBoolean()) {
      return new Request("GET", "/" + "?token=" + enc(token) + "&lang=" + enc(pick("es", "pt", "en", text())) + extra(), null, null, null, null);
    }
    String body = "token=" + enc(token) + (random.nextBoolean() ? "&lang=" + enc(text()) : "") + extra();
    return new Request("POST", "/", maybeType("application/x-www-form-urlencoded"), body, null, null);
  }

  private Request hostedPage() {
    String processId = pick(fixture.processId(), text());
    if (random.nextBoolean()) {
      return new Request("GET", "/flow.xhtml?process_id=" + enc(processId) + extra(), null, null, null, null);
    }
    String body = "form=form&jakarta.faces.ViewState=" + enc(pick(text(), "-1:-1", "stateless", "1234567890:987654321"))
        + "&form%3Anext=" + enc(text()) + extra();
    return new Request("POST", "/flow.xhtml?process_id=" + enc(processId), maybeType("application/x-www-form-urlencoded"), body, null, null);
  }

  // ------------------------------------------------------------------ parts

  private String key() {
    int k = random.nextInt(25);
    if (k < 19) {
      return fixture.backendKey();
    }
    return switch (k) {
      case 19, 20 -> fixture.webToken();
      case 21 -> null;
      case 22 -> "";
      case 23 -> headerSafe(text());
      default -> "eyJhbGciOiJIUzI1NiIsImtpZCI6Iml0LWtleSJ9.eyJqdGkiOiJ4In0.AAAA";
    };
  }

  private String id() {
    return random.nextInt(4) == 0
        ? pick(fixture.processId(), fixture.flowId(), fixture.accountId())
        : enc(text());
  }

  private String query() {
    int n = random.nextInt(5);
    if (n == 0) {
      return "";
    }
    StringJoiner q = new StringJoiner("&", "?", "");
    String previous = null;
    for (int i = 0; i < n; i++) {
      String name = switch (random.nextInt(20)) {
        case 0 -> "";
        case 1, 2 -> text();
        case 3 -> previous == null ? pick(QUERY_NAMES) : previous; // a duplicate
        default -> pick(QUERY_NAMES);
      };
      previous = name;
      q.add(enc(name) + "=" + value());
    }
    return q.toString();
  }

  /** An encoded value; now and then a raw malformed escape. */
  private String value() {
    // Malformed escapes (%zz) cannot be sent: java.net.URI refuses them before the request leaves.
    return switch (random.nextInt(30)) {
      case 0, 1 -> "%00";
      case 2, 3 -> "a+b";
      default -> enc(text());
    };
  }

  private String extra() {
    return random.nextInt(5) == 0 ? "&" + enc(text()) + "=" + value() : "";
  }

  private String apiKeyForm() {
    List<String> pairs = new ArrayList<>(List.of(
        "key_type", "web", "grant", "digital-identity", "api_key_version", "1", "country", "ALL",
        "redirect_url", "https://example.com/done", "flow_id", fixture.flowId()));
    return mutateForm(pairs, API_KEY_FIELDS);
  }

  private String accountForm() {
    List<String> pairs = new ArrayList<>(List.of("first_name", "Ana", "document_issue_date", "2001-02-03"));
    return mutateForm(pairs, ACCOUNT_FIELDS);
  }

  /** 0 to 3 mutations of a valid form: values replaced, fields added, repeated, dropped, unnamed. */
  private String mutateForm(List<String> pairs, String[] known) {
    int mutations = random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      switch (random.nextInt(6)) {
        case 0, 1 -> {
          if (!pairs.isEmpty()) {
            pairs.set(2 * random.nextInt(pairs.size() / 2) + 1, text());
          }
        }
        case 2 -> pairs.addAll(List.of(pick(known), text()));
        case 3 -> pairs.addAll(List.of(random.nextBoolean() ? "" : text(), text()));
        case 4 -> {
          if (!pairs.isEmpty()) {
            int i = 2 * random.nextInt(pairs.size() / 2);
            pairs.addAll(List.of(pairs.get(i), text()));
          }
        }
        default -> {
          if (!pairs.isEmpty()) {
            int i = 2 * random.nextInt(pairs.size() / 2);
            pairs.remove(i + 1);
            pairs.remove(i);
          }
        }
      }
    }
    StringJoiner out = new StringJoiner("&");
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      out.add(enc(pairs.get(i)) + "=" + (random.nextInt(25) == 0 ? value() : enc(pairs.get(i + 1))));
    }
    return out.toString();
  }

  private String formBody(String[] known) {
    return mutateForm(new ArrayList<>(), known);
  }

  private String flowJson() {
    String name = random.nextInt(3) == 0 ? jsonValue() : quote("Fuzz " + random.nextInt(1000));
    String ttl = random.nextInt(3) == 0 ? jsonValue() : String.valueOf(1 + random.nextInt(1440));
    String threshold = random.nextInt(3) == 0 ? jsonValue() : "0.7";
    String type = random.nextInt(4) == 0 ? jsonValue() : quote(pick("face-recognition", "document-validation", "email-verification", "phone-verification"));
    String json = "{\"name\":" + name + ",\"time_to_live\":" + ttl + ",\"steps\":[{\"type\":" + type
        + ",\"config\":{\"face_threshold\":" + threshold + "}}]}";
    return switch (random.nextInt(10)) {
      case 0 -> json + " " + text(); // trailing garbage
      case 1 -> json.replaceFirst("\\{", "{\"name\":" + quote(text()) + ","); // duplicate key
      case 2 -> json.substring(0, random.nextInt(json.length())); // truncated
      case 3 -> text();
      case 4 -> json.replace("\"steps\":[", "\"steps\":[" + "[".repeat(1 + random.nextInt(60)));
      default -> json;
    };
  }

  private String jsonValue() {
    return switch (random.nextInt(8)) {
      case 0 -> "null";
      case 1 -> "[]";
      case 2 -> "{}";
      case 3 -> pick("0", "-1", "1.5", "1e400", "99999999999999999999", "-0");
      case 4 -> "true";
      case 5 -> quote(text()).replace("\u0000", "\\u0000");
      default -> quote(text());
    };
  }

  // ------------------------------------------------------------------ text

  /** A hostile or edge string. */
  String text() {
    return switch (random.nextInt(8)) {
      case 0 -> ascii(random.nextInt(21));
      case 1 -> unicode(1 + random.nextInt(10));
      case 2 -> "x".repeat(500 + random.nextInt(3000));
      default -> pick(EDGES);
    };
  }

  private String ascii(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append((char) (random.nextInt(10) == 0 ? random.nextInt(32) : 32 + random.nextInt(95)));
    }
    return b.toString();
  }

  private String unicode(int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int cp;
      do {
        cp = random.nextInt(0x2FFFF);
      } while (cp >= 0xD800 && cp <= 0xDFFF);
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  /** Header values: the HTTP client refuses control and non-ASCII characters, so they are dropped. */
  private static String headerSafe(String s) {
    return s.replaceAll("[^\\x21-\\x7e]", "");
  }

  private String maybeType(String right) {
    return random.nextInt(5) == 0 ? pick(CONTENT_TYPES) : right;
  }

  private String maybe(String body) {
    return random.nextInt(4) == 0 ? body : null;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
