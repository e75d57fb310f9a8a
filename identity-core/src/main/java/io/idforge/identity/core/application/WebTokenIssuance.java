package io.idforge.identity.core.application;

import static io.idforge.identity.core.domain.shared.JsonSupport.JSON;

import com.nimbusds.jwt.JWTClaimsSet;
import io.idforge.identity.core.domain.account.AccountRepository;
import io.idforge.identity.core.domain.flow.FlowRepository;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import io.idforge.identity.core.domain.shared.PublicIds;
import io.idforge.identity.core.domain.webtoken.IssuedWebToken;
import io.idforge.identity.core.domain.webtoken.WebToken;
import io.idforge.identity.core.domain.webtoken.WebTokenRepository;
import io.idforge.identity.core.security.JwtCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Issuance of web integration tokens ({@code POST /v1/api-keys} with {@code key_type=web}), the
 * hottest write of the API: the account ensured and the token row inserted in one transaction.
 *
 * <p>A CDI bean with {@code @Transactional}, not a {@code @Stateless} method of {@link
 * ApiKeyService}: the EJB container's invocation (pool, interceptors, exception wrapping) was paid
 * once per token on top of the JTA transaction, which is all this needs (bench/STEPS.md). Domain
 * exceptions are unchecked, so they roll back as they did in the EJB and reach the resource
 * unwrapped.
 */
@ApplicationScoped
@Transactional
public class WebTokenIssuance {

  static final String DEFAULT_WEB_KEY_NAME = "web-integration";

  @Inject WebTokenRepository webTokens;

  @Inject FlowRepository flows;

  /**
   * The repository, not {@code AccountService}: issuance only needs the account to exist, in one
   * statement, and a call through the {@code @Stateless} service was an EJB hop per token.
   */
  @Inject AccountRepository accounts;

  @Inject FlowIssuanceCache flowCache;

  @Inject JwtCodec jwt;

  @Inject Clock clock;

  /**
   * Mints a web integration token: an HS256 JWT with Truora's claims, {@code exp = iat +} the
   * flow's time to live. The flow must be the caller's and enabled (read through
   * {@link FlowIssuanceCache}); an unknown account id creates the account, no account id a new
   * {@code ACC…} one.
   */
  public IssuedKey issue(Caller caller, WebTokenRequest request) {
    caller.requireBackend();
    IssuableFlow flow =
        flowCache
            .find(caller.clientId(), request.flowId(), flows)
            .orElseThrow(
                () -> new InvalidRequestException("Invalid request: flow_id does not name a flow of this client"));
    if (!flow.enabled()) {
      throw new InvalidRequestException("Invalid request: flow_id names a disabled flow");
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    String accountId = request.accountId() == null ? PublicIds.next(PublicIds.ACCOUNT) : request.accountId();
    accounts.ensureExists(caller.clientId(), accountId, now);
    OffsetDateTime expires = now.plusMinutes(flow.timeToLiveMinutes());
    String jti = UUID.randomUUID().toString();
    String keyName = request.keyName() == null ? DEFAULT_WEB_KEY_NAME : request.keyName();
    String additionalData = additionalData(request);
    String token =
        jwt.sign(
            new JWTClaimsSet.Builder()
                .claim("account_id", accountId)
                .claim("additional_data", additionalData)
                .claim("client_id", caller.clientId())
                .expirationTime(Date.from(expires.toInstant()))
                .claim("grant", request.grant())
                .issueTime(Date.from(now.toInstant()))
                .jwtID(jti)
                .claim("key_name", keyName)
                .claim("key_type", request.keyType())
                .claim("username", caller.keyName())
                .build());
    webTokens.store(
        new WebToken(
            new IssuedWebToken(
                jti, caller.clientId(), request.keyType(), request.grant(), keyName, caller.keyName(),
                accountId, flow.flowId(), request.country(), request.redirectUrl(),
                request.documentType(), additionalData, now, expires)));
    return new IssuedKey(jti, token);
  }

  /** Truora's {@code additional_data}: the request beyond the fixed claims, as a JSON string. */
  static String additionalData(WebTokenRequest r) {
    JsonObjectBuilder o =
        JSON.createObjectBuilder()
            .add("api_key_version", r.apiKeyVersion())
            .add("country", r.country())
            .add("flow_id", r.flowId())
            .add("redirect_url", r.redirectUrl());
    if (r.documentType() != null) {
      o.add("document_type", r.documentType());
    }
    if (!r.phones().isEmpty()) {
      o.add("phones", JSON.createArrayBuilder(r.phones()));
    }
    if (!r.emails().isEmpty()) {
      o.add("emails", JSON.createArrayBuilder(r.emails()));
    }
    if (!r.metadata().isEmpty()) {
      JsonObjectBuilder metadata = JSON.createObjectBuilder();
      new TreeMap<>(r.metadata()).forEach(metadata::add);
      o.add("start_variables", JSON.createObjectBuilder().add("metadata", metadata));
    }
    return o.build().toString();
  }
}
