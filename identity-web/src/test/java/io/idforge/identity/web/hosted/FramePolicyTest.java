package io.idforge.identity.web.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which headers a hosted page gets: framed by nobody, or by exactly the flow's origins. */
class FramePolicyTest {

  /** A response that records the headers set on it. */
  static HttpServletResponse recording(Map<String, String> headers) {
    return (HttpServletResponse) Proxy.newProxyInstance(FramePolicyTest.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
          if ("setHeader".equals(method.getName())) {
            headers.put((String) args[0], (String) args[1]);
            return null;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void withoutAnAllowlistNobodyMayFrameThePage() {
    Map<String, String> headers = new LinkedHashMap<>();
    HostedPages.secureHeaders(recording(headers), FramePolicy.NONE);
    assertEquals("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self';"
        + " frame-ancestors 'none'", headers.get("Content-Security-Policy"));
    assertEquals("DENY", headers.get("X-Frame-Options"));
    assertEquals("no-store", headers.get("Cache-Control"));
    assertFalse(FramePolicy.NONE.embeddable());
    assertEquals(FramePolicy.NONE, new FramePolicy(null));
  }

  @Test
  void aFlowsOriginsAndOnlyThoseMayFrameItsPagesWithoutXFrameOptions() {
    Map<String, String> headers = new LinkedHashMap<>();
    FramePolicy shop = new FramePolicy(List.of("https://shop.example.com", "http://localhost:3000"));
    HostedPages.secureHeaders(recording(headers), shop);
    assertTrue(headers.get("Content-Security-Policy").endsWith("; frame-ancestors https://shop.example.com http://localhost:3000"),
        headers.get("Content-Security-Policy"));
    assertFalse(headers.get("Content-Security-Policy").contains("'none'; frame") || headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertNull(headers.get("X-Frame-Options"), "DENY would block the allowed origins in browsers without CSP 2");
    assertTrue(shop.embeddable());
  }

  @Test
  void beforeTheDecisionNobodyMayFrameByCspAndNoLegacyHeaderIsCommittedYet() {
    Map<String, String> headers = new LinkedHashMap<>();
    HostedPages.provisionalHeaders(recording(headers));
    assertTrue(headers.get("Content-Security-Policy").endsWith("; frame-ancestors 'none'"));
    assertNull(headers.get("X-Frame-Options"), "an allowlist may still apply, and a header cannot be removed");
    assertEquals("no-referrer", headers.get("Referrer-Policy"));
  }

  @Test
  void aBrandedPageKeepsItsFramePolicyNextToTheStyleNonceAndLogo() {
    String csp = HostedPages.policy("n0nce", "https://cdn.example.com", new FramePolicy(List.of("https://shop.example.com")));
    assertEquals("default-src 'self'; img-src 'self' data: https://cdn.example.com; style-src 'self' 'nonce-n0nce';"
        + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors https://shop.example.com", csp);
  }

  @Test
  void theMessageIsTruorasBareEventNameUnlessTheSdkFormatWasAsked() {
    assertEquals("truora.process.succeeded", FrameEvents.message(FrameEvents.PROCESS_SUCCEEDED, "IDPabc", false));
    assertEquals("truora.steps.completed,IDPabc", FrameEvents.message(FrameEvents.STEPS_COMPLETED, "IDPabc", true));
    assertEquals("truora.process.failed", FrameEvents.PROCESS_FAILED);
  }
}
