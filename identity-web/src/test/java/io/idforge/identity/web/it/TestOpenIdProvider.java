package io.idforge.identity.web.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A small OpenID provider in the test JVM, strict where a real one is: discovery, a JWKS with a
 * generated RSA key, an authorize endpoint that "signs in" {@link #user} at once and redirects back
 * with a one-time code and the caller's state, and a token endpoint that checks the client's
 * secret, the redirect URI and the PKCE verifier (S256) before issuing an RS256 id_token with the
 * nonce of the authorization request. {@link #tamper} lets a test break one claim of the next
 * token (audience, nonce, expiry) to prove the console refuses it.
 */
final class TestOpenIdProvider implements AutoCloseable {

  static final String CLIENT_ID = "idforge-console";
  static final String CLIENT_SECRET = "s3cret-for-tests";

  private final HttpServer http;
  private final RSAKey key;
  final String issuer;

  /** The e-mail the next sign-in asserts. */
  volatile String user = "nobody@example.test";
  /** Changes the next id_token's claims (default: none). */
  volatile Consumer<JWTClaimsSet.Builder> tamper = b -> {};
  /** Signs the next id_token with another key than the published one. */
  volatile boolean foreignKey;

  private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();

  TestOpenIdProvider() throws IOException, JOSEException {
    key = new RSAKeyGenerator(2048).keyID("it-op-" + UUID.randomUUID()).generate();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    issuer = "http://127.0.0.1:" + http.getAddress().getPort() + "/op";
    http.createContext("/op/.well-known/openid-configuration", x -> answer(x, 200, "application/json",
        "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
            + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
            + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"code_challenge_methods_supported\":[\"S256\"]}"));
    http.createContext("/op/jwks", x -> answer(x, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
    http.createContext("/op/authorize", this::authorize);
    http.createContext("/op/token", this::token);
    http.start();
  }

  private void authorize(HttpExchange x) throws IOException {
    Map<String, String> q = parse(x.getRequestURI().getRawQuery());
    if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
        || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
      answer(x, 400, "text/plain", "bad authorization request");
      return;
    }
    String code = UUID.randomUUID().toString();
    Map<String, String> grant = new HashMap<>(q);
    grant.put("user", user);
    codes.put(code, grant);
    x.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state=" + enc(q.get("state")));
    answer(x, 302, "text/plain", "");
  }

  private void token(HttpExchange x) throws IOException {
    Map<String, String> form = parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    Map<String, String> grant = codes.remove(form.getOrDefault("code", ""));
    if (!basic.equals(x.getRequestHeaders().getFirst("Authorization"))) {
      answer(x, 401, "application/json", "{\"error\":\"invalid_client\"}");
      return;
    }
    if (grant == null || !"authorization_code".equals(form.get("grant_type"))
        || !grant.get("redirect_uri").equals(form.get("redirect_uri"))
        || !grant.get("code_challenge").equals(s256(form.getOrDefault("code_verifier", "")))) {
      answer(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
      return;
    }
    long now = System.currentTimeMillis();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("sub-" + grant.get("user"))
        .audience(CLIENT_ID).issueTime(new Date(now)).expirationTime(new Date(now + 300_000))
        .claim("nonce", grant.get("nonce")).claim("email", grant.get("user")).claim("email_verified", true)
        // A provider's own groups: the console must ignore them (roles come from its database).
        .claim("groups", java.util.List.of("admin", "operator"));
    tamper.accept(claims);
    tamper = b -> {};
    try {
      RSAKey signing = foreignKey ? new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate() : key;
      foreignKey = false;
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
          claims.build());
      jwt.sign(new RSASSASigner(signing));
      answer(x, 200, "application/json",
          "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\"" + jwt.serialize() + "\"}");
    } catch (JOSEException e) {
      answer(x, 500, "text/plain", e.toString());
    }
  }

  private static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> parse(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  private static void answer(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      x.getResponseBody().write(bytes);
    }
    x.close();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
