package io.idforge.identity.web.outbound.registry;

import static io.idforge.identity.web.outbound.registry.FakeGateway.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.spi.GovernmentRegistry.RegistryAnswer;
import io.idforge.identity.api.spi.GovernmentRegistry.RegistryQuery;
import io.idforge.identity.api.spi.GovernmentRegistry.Verdict;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adapter's configuration and coverage rules, its check against a real HTTP gateway (without
 * the container's fault-tolerance interceptors), and the fault-tolerance declarations the container
 * validates at deployment.
 */
class HttpGovernmentRegistryTest {

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  static RegistryQuery query(String country) {
    return new RegistryQuery(
        country, "national-id", "1020304050", "ANA", "PEREZ", LocalDate.of(1990, 5, 17), null);
  }

  static HttpGovernmentRegistry registry(String baseUrl, String token, String countries) {
    return new HttpGovernmentRegistry(
        Optional.ofNullable(baseUrl), Optional.ofNullable(token), countries, TIMEOUT);
  }

  @Test
  void withoutABaseUrlNothingIsConfiguredAndEveryCheckIsUnavailable() {
    for (String unset : new String[] {null, "", "  "}) {
      HttpGovernmentRegistry registry = registry(unset, null, "CO,MX,PE,CL,BR");
      assertFalse(registry.isConfigured());
      assertFalse(registry.covers("CO"));
      RegistryAnswer answer = registry.check(query("CO"));
      assertEquals(Verdict.UNAVAILABLE, answer.verdict());
      assertNotNull(answer.registry());
    }
  }

  @Test
  void coversTheDefaultCountriesInAnyCase() {
    HttpGovernmentRegistry registry =
        registry("https://registry-bridge.example.com", "t", "CO,MX,PE,CL,BR");
    assertTrue(registry.isConfigured());
    for (String country : List.of("CO", "MX", "PE", "CL", "BR", "co", " mx ")) {
      assertTrue(registry.covers(country), country);
    }
    assertFalse(registry.covers("AR"));
    assertFalse(registry.covers(null));
  }

  @Test
  void coversTheConfiguredCountries() {
    HttpGovernmentRegistry registry =
        registry("https://registry-bridge.example.com", "t", " co, ar ,");
    assertTrue(registry.covers("AR"));
    assertFalse(registry.covers("MX"));
  }

  @Test
  void checksACoveredCountryThroughTheGateway() throws Exception {
    try (FakeGateway gateway = new FakeGateway()) {
      gateway.answering(
          json(
              200,
              "{\"status\":\"data_mismatch\",\"registry\":\"RENAPO\",\"message\":\"name"
                  + " differs\"}"));
      HttpGovernmentRegistry registry = registry(gateway.baseUrl("").toString(), "secret", "MX");

      assertEquals(
          new RegistryAnswer(Verdict.DATA_MISMATCH, "RENAPO", "name differs"),
          registry.check(query("MX")));
      assertEquals("Bearer secret", gateway.received.get(0).header("Authorization"));
    }
  }

  @Test
  void anUncoveredCountryIsUnavailableWithoutACall() throws Exception {
    try (FakeGateway gateway = new FakeGateway()) {
      HttpGovernmentRegistry registry = registry(gateway.baseUrl("").toString(), "secret", "CO");

      assertEquals(Verdict.UNAVAILABLE, registry.check(query("PE")).verdict());
      assertEquals(List.of(), gateway.received);
    }
  }

  @Test
  void theFallbackAnswersUnavailable() {
    HttpGovernmentRegistry registry = registry("https://registry-bridge.example.com", "t", "CO");
    RegistryAnswer answer = registry.unavailable(query("CO"));
    assertEquals(Verdict.UNAVAILABLE, answer.verdict());
    assertEquals("government registry (CO)", answer.registry());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://registry-bridge.example.com", // clear text off the host
        "ftp://registry-bridge.example.com",
        "registry-bridge.example.com",
        "https://user:pass@registry-bridge.example.com",
        "https://registry-bridge.example.com/?key=1",
        "https://exa mple.com"
      })
  void refusesUnsafeOrInvalidBaseUrls(String url) {
    assertThrows(IllegalStateException.class, () -> registry(url, "t", "CO"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://registry-bridge.example.com/gw/",
        "http://localhost:8081",
        "http://127.0.0.1:8081",
        "http://[::1]:8081"
      })
  void acceptsHttpsAndLoopbackHttp(String url) {
    assertTrue(registry(url, "t", "CO").isConfigured());
  }

  @Test
  void aBaseUrlNeedsATokenAndCountries() {
    assertThrows(
        IllegalStateException.class,
        () -> registry("https://registry-bridge.example.com", null, "CO"));
    assertThrows(
        IllegalStateException.class,
        () -> registry("https://registry-bridge.example.com", " ", "CO"));
    assertThrows(
        IllegalStateException.class,
        () -> registry("https://registry-bridge.example.com", "t", "COL"));
    assertThrows(
        IllegalStateException.class,
        () -> registry("https://registry-bridge.example.com", "t", " , "));
  }

  /** Payara validates these at deployment; a typo would only show there, so pin them here. */
  @Test
  void faultToleranceIsDeclaredOnCheck() throws Exception {
    Method check = HttpGovernmentRegistry.class.getMethod("check", RegistryQuery.class);

    Retry retry = check.getAnnotation(Retry.class);
    assertEquals(1, retry.maxRetries());
    assertArrayEquals(new Class<?>[] {RegistryGatewayIoException.class}, retry.retryOn());
    assertTrue(retry.jitter() < retry.delay() + 1);
    assertNotNull(check.getAnnotation(Timeout.class));
    CircuitBreaker breaker = check.getAnnotation(CircuitBreaker.class);
    assertArrayEquals(new Class<?>[] {RegistryGatewayAnswerException.class}, breaker.skipOn());
    // Payara 6 reads the delay as milliseconds whatever delayUnit says: keep the unit MILLIS.
    assertEquals(ChronoUnit.MILLIS, breaker.delayUnit());
    assertEquals(30_000, breaker.delay());

    Fallback fallback = check.getAnnotation(Fallback.class);
    Method fallbackMethod =
        HttpGovernmentRegistry.class.getDeclaredMethod(
            fallback.fallbackMethod(), RegistryQuery.class);
    assertEquals(check.getReturnType(), fallbackMethod.getReturnType());
    assertFalse(Modifier.isPrivate(fallbackMethod.getModifiers()));

    // MP FT applies @Timeout to each attempt: the backstop must exceed the per-attempt deadline
    // identity.registry.timeout (default PT5S), which is what normally ends a slow call.
    Timeout timeout = check.getAnnotation(Timeout.class);
    assertTrue(Duration.of(timeout.value(), timeout.unit()).compareTo(Duration.ofSeconds(5)) > 0);
  }
}
