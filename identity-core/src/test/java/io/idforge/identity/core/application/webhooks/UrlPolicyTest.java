package io.idforge.identity.core.application.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SSRF rules with a fake resolver: scheme, user info, private ranges, rebinding names, allowlist. */
class UrlPolicyTest {

  static final Map<String, String> DNS =
      Map.of(
          "hooks.example.com", "93.184.216.34",
          "rebind.example.com", "10.1.2.3",
          "metadata.example.com", "169.254.169.254",
          "v6private.example.com", "fd00:ec2::254",
          "mapped.example.com", "::ffff:127.0.0.1",
          "cgnat.example.com", "100.64.1.1",
          "localhost", "127.0.0.1");

  static InetAddress[] resolve(String host) throws UnknownHostException {
    String ip = DNS.get(host);
    if (ip == null) {
      // Literals resolve to themselves, as the system resolver does.
      if (host.matches("[0-9.]+") || host.contains(":")) {
        return new InetAddress[] {InetAddress.getByName(host)};
      }
      throw new UnknownHostException(host);
    }
    return new InetAddress[] {InetAddress.getByName(ip)};
  }

  final UrlPolicy strict = new UrlPolicy(false, List.of(), UrlPolicyTest::resolve);

  @Test
  void publicHttpsIsAllowed() {
    assertEquals(Optional.empty(), strict.check("https://hooks.example.com/truora?x=1"));
  }

  @Test
  void schemeMustBeHttpsUnlessHttpIsAllowed() {
    assertEquals(Optional.of("url must use https"), strict.check("http://hooks.example.com/"));
    assertEquals(Optional.of("url must use https"), strict.check("ftp://hooks.example.com/"));
    UrlPolicy dev = new UrlPolicy(true, List.of(), UrlPolicyTest::resolve);
    assertEquals(Optional.empty(), dev.check("http://hooks.example.com/"));
  }

  @Test
  void privateLoopbackLinkLocalAndMetadataAreRefused() {
    for (String url :
        List.of(
            "https://localhost/", "https://127.0.0.1/", "https://10.0.0.5/", "https://192.168.1.1/",
            "https://172.16.3.4/", "https://169.254.169.254/latest/meta-data", "https://[::1]/",
            "https://[fe80::1]/", "https://0.0.0.0/", "https://rebind.example.com/", "https://metadata.example.com/",
            "https://v6private.example.com/", "https://mapped.example.com/", "https://cgnat.example.com/")) {
      Optional<String> refused = strict.check(url);
      assertTrue(refused.isPresent(), url);
      assertTrue(refused.get().startsWith("url "), refused.get());
    }
  }

  @Test
  void malformedUnresolvableAndUserInfoAreRefused() {
    assertEquals(Optional.of("url host does not resolve"), strict.check("https://nowhere.example.com/"));
    assertEquals(Optional.of("url must not contain user info"), strict.check("https://u:p@hooks.example.com/"));
    assertEquals(Optional.of("url is not a valid URL"), strict.check("https://bad host/"));
    assertEquals(Optional.of("url must name a host"), strict.check("https:///path"));
  }

  @Test
  void allowlistExemptsHostsAddressesAndRanges() {
    UrlPolicy allowing = new UrlPolicy(true, List.of("127.0.0.1", "10.0.0.0/8", "internal.corp"), UrlPolicyTest::resolve);
    assertEquals(Optional.empty(), allowing.check("http://127.0.0.1:8081/hook"));
    assertEquals(Optional.empty(), allowing.check("http://localhost:8081/hook"), "resolves to an allowed address");
    assertEquals(Optional.empty(), allowing.check("https://rebind.example.com/"), "10.1.2.3 is inside 10.0.0.0/8");
    assertEquals(Optional.empty(), allowing.check("https://internal.corp/"), "allowed by name, not resolved");
    assertTrue(allowing.check("https://192.168.1.1/").isPresent(), "outside the allowlist");
    assertTrue(allowing.check("https://metadata.example.com/").isPresent());
  }

  @Test
  void aSendCheckResolvesOnceAndAnswersTheAddressesItChecked() throws Exception {
    // A rebinding name: public on the first answer, the metadata address on every later one.
    java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
    UrlPolicy policy =
        new UrlPolicy(false, List.of(), host -> new InetAddress[] {
          InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "169.254.169.254")});
    UrlPolicy.Checked checked = policy.checkForSend("https://rebinding.example.com/hook");
    assertEquals(Optional.empty(), checked.refused());
    assertEquals(List.of(InetAddress.getByName("93.184.216.34")), checked.addresses(), "the checked address, to connect to");
    assertEquals(1, lookups.get(), "one resolution: the sender connects to what was checked");
    assertEquals(
        Optional.of("url must not point to a loopback, private, link-local or metadata address"),
        policy.checkForSend("https://rebinding.example.com/hook").refused(),
        "the next batch's check sees the new answer and refuses it");
  }

  @Test
  void anAllowlistedHostIsStillResolvedForASendButNotChecked() throws Exception {
    UrlPolicy policy = new UrlPolicy(true, List.of("localhost"), UrlPolicyTest::resolve);
    assertEquals(Optional.empty(), policy.check("http://localhost:8080/hook"));
    UrlPolicy.Checked checked = policy.checkForSend("http://localhost:8080/hook");
    assertEquals(Optional.empty(), checked.refused());
    assertEquals(List.of(InetAddress.getByName("127.0.0.1")), checked.addresses());
    assertEquals(List.of(), strict.checkForSend("https://rebind.example.com/").addresses(), "a refusal carries no address");
  }
}
