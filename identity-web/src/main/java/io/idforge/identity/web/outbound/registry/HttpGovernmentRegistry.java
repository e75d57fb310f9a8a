package io.idforge.identity.web.outbound.registry;

import io.idforge.identity.api.spi.GovernmentRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * {@link GovernmentRegistry} speaking our registry gateway protocol ({@code
 * docs/registry-gateway-protocol.md}) to the bridge an enterprise runs in front of its country's
 * registry.
 *
 * <p>Not configured (no {@code identity.registry.base-url}): {@link #isConfigured()} is false and
 * every check answers {@link Verdict#UNAVAILABLE}. Configured: the base URL must be {@code https}
 * (plain {@code http} only to a loopback address, for a bridge on the same host) and a token is
 * required; a bad value fails the deployment at start-up rather than every check later.
 *
 * <p>Fault tolerance (MicroProfile, applied by the container's interceptors only; {@link
 * RegistryGatewayClient} carries the same protocol without them): one retry for a transport failure
 * ({@link RegistryGatewayIoException}), never for a timeout or an HTTP error; a circuit breaker
 * that stops calling an unreachable or slow gateway for 30 s (error answers, {@link
 * RegistryGatewayAnswerException}, do not count: one circuit covers every country of the bridge,
 * and one country's registry being down must not block the others); a {@code @Timeout} backstop
 * above the per-attempt deadline {@code identity.registry.timeout}; and a fallback answering {@link
 * Verdict#UNAVAILABLE}, so no fault-tolerance exception reaches a caller. The annotation values can
 * be tuned with MicroProfile Fault Tolerance's own keys, e.g. {@code
 * io.idforge.identity.web.outbound.registry.HttpGovernmentRegistry/check/Timeout/value}.
 */
@ApplicationScoped
public class HttpGovernmentRegistry implements GovernmentRegistry {

  private static final Logger LOG = Logger.getLogger(HttpGovernmentRegistry.class.getName());

  @Inject
  @ConfigProperty(name = "identity.registry.base-url")
  Optional<String> baseUrl;

  @Inject
  @ConfigProperty(name = "identity.registry.token")
  Optional<String> token;

  @Inject
  @ConfigProperty(name = "identity.registry.countries", defaultValue = "CO,MX,PE,CL,BR")
  String countries;

  @Inject
  @ConfigProperty(name = "identity.registry.timeout", defaultValue = "PT5S")
  Duration timeout;

  /** Null when not configured. */
  private RegistryGatewayClient gateway;

  private Set<String> covered = Set.of();

  /** For CDI. */
  public HttpGovernmentRegistry() {}

  /** For tests and plain use: the same settings as the configuration keys. */
  HttpGovernmentRegistry(
      Optional<String> baseUrl, Optional<String> token, String countries, Duration timeout) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.countries = countries;
    this.timeout = timeout;
    init();
  }

  @PostConstruct
  void init() {
    Optional<String> url = baseUrl.map(String::strip).filter(s -> !s.isEmpty());
    if (url.isEmpty()) {
      gateway = null;
      covered = Set.of();
      return;
    }
    URI base = checkedBaseUrl(url.get());
    String bearer =
        token
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "identity.registry.token is required when identity.registry.base-url is"
                            + " set"));
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalStateException("identity.registry.timeout must be positive: " + timeout);
    }
    covered = parseCountries(countries);
    gateway = new RegistryGatewayClient(base, bearer, timeout);
  }

  /** Start-up report: one line saying whether registry checks can happen. */
  void logConfiguration(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (gateway == null) {
      LOG.info(
          "Government registry: not configured (identity.registry.base-url unset);"
              + " registry checks answer government_database_unavailable");
    } else {
      LOG.info(
          () ->
              "Government registry: gateway "
                  + redacted(gateway.endpoint())
                  + " for "
                  + String.join(",", covered)
                  + ", timeout "
                  + timeout);
    }
  }

  @Override
  public boolean isConfigured() {
    return gateway != null;
  }

  @Override
  public boolean covers(String country) {
    return gateway != null
        && country != null
        && covered.contains(country.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * Asks the gateway. A country this adapter does not cover, or no gateway at all, answers {@link
   * Verdict#UNAVAILABLE} without a call (and without counting as a failure).
   */
  @Override
  @Timeout(value = 30, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = RegistryGatewayIoException.class)
  // Delay in milliseconds, the default unit: Payara 6.2025.10 ignores delayUnit on @CircuitBreaker
  // and reads the number as milliseconds (delay = 30 SECONDS held the circuit open for 30 ms).
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.5,
      delay = 30_000,
      successThreshold = 1,
      skipOn = RegistryGatewayAnswerException.class)
  @Fallback(fallbackMethod = "unavailable")
  public RegistryAnswer check(RegistryQuery query) {
    if (!covers(query.country())) {
      return RegistryGatewayClient.unavailable(
          query.country(), "no registry gateway for this country");
    }
    return gateway.send(query);
  }

  /**
   * The fallback of {@link #check}: the registry could not answer. Same signature, as MP FT
   * requires.
   */
  RegistryAnswer unavailable(RegistryQuery query) {
    return RegistryGatewayClient.unavailable(
        query == null ? null : query.country(), "registry gateway unavailable");
  }

  /** The configured base URL, checked: https, or http to a loopback address only. */
  static URI checkedBaseUrl(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("identity.registry.base-url is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalStateException("identity.registry.base-url must be an https URL");
    }
    if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
      throw new IllegalStateException(
          "identity.registry.base-url must not carry credentials, a query or a fragment");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      // The bearer token and personal data would cross the network in clear.
      throw new IllegalStateException(
          "identity.registry.base-url must be https (http only to a loopback address)");
    }
    return uri;
  }

  /** {@code CO,MX, pe} → {@code [CO, MX, PE]}; each must be an ISO 3166 alpha-2 code. */
  static Set<String> parseCountries(String value) {
    Set<String> result = new LinkedHashSet<>();
    for (String part : (value == null ? "" : value).split(",")) {
      String code = part.strip().toUpperCase(Locale.ROOT);
      if (code.isEmpty()) {
        continue;
      }
      if (!code.matches("[A-Z]{2}")) {
        throw new IllegalStateException(
            "identity.registry.countries: not an ISO 3166 alpha-2 code: " + code);
      }
      result.add(code);
    }
    if (result.isEmpty()) {
      throw new IllegalStateException(
          "identity.registry.countries is empty while identity.registry.base-url is set");
    }
    return Collections.unmodifiableSet(result);
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false; // a name other than localhost: do not resolve it here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String redacted(URI endpoint) {
    return endpoint.getScheme()
        + "://"
        + endpoint.getHost()
        + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())
        + endpoint.getPath();
  }
}
