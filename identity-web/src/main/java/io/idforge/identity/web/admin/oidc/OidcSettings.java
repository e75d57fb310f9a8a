package io.idforge.identity.web.admin.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's OpenID Connect settings ({@code identity.console.oidc.*}). Sign-in through the
 * provider is offered only when both the issuer and the client id are set. The issuer must be
 * https (plain http is accepted for a loopback host only, for tests and local providers), because
 * its discovery document and keys decide whose tokens are trusted.
 */
@Named
@ApplicationScoped
public class OidcSettings {

  @Inject
  @ConfigProperty(name = "identity.console.oidc.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "identity.console.oidc.client-id")
  Optional<String> clientId;

  @Inject
  @ConfigProperty(name = "identity.console.oidc.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "identity.console.oidc.scopes", defaultValue = "openid email")
  String scopes;

  @Inject
  @ConfigProperty(name = "identity.console.oidc.user-claim", defaultValue = "email")
  String userClaim;

  @Inject
  @ConfigProperty(name = "identity.console.oidc.name", defaultValue = "OpenID Connect")
  String displayName;

  @Inject
  @ConfigProperty(name = "identity.public-base-url", defaultValue = "http://localhost:8080")
  String publicBaseUrl;

  /** Whether the sign-in page offers the provider. */
  public boolean isEnabled() {
    return issuer.filter(s -> !s.isBlank()).isPresent() && clientId.filter(s -> !s.isBlank()).isPresent();
  }

  /** The provider's name on the sign-in button ("Sign in with Acme SSO"). */
  public String getDisplayName() {
    return displayName;
  }

  /** The issuer as configured, without a trailing slash; checked against discovery and every token. */
  public String issuer() {
    String value = issuer.orElseThrow().trim();
    URI uri = URI.create(value);
    boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
    if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
      throw new IllegalStateException("identity.console.oidc.issuer must be an https URL");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  public String clientId() {
    return clientId.orElseThrow().trim();
  }

  /** Empty for a public client (PKCE alone); otherwise sent with HTTP Basic to the token endpoint. */
  public Optional<String> clientSecret() {
    return clientSecret.filter(s -> !s.isBlank());
  }

  /** The scopes asked for; {@code openid} is always among them. */
  public String scopes() {
    return scopes.contains("openid") ? scopes.trim() : ("openid " + scopes).trim();
  }

  /** The id_token claim whose value is a console user name (an e-mail address or the subject). */
  public String userClaim() {
    return userClaim.trim();
  }

  /** Where the provider sends the browser back: from configuration, never from the Host header. */
  public String redirectUri() {
    String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    return base + "/admin/oidc/callback";
  }
}
