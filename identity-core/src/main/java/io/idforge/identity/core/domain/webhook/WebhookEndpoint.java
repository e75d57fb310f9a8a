package io.idforge.identity.core.domain.webhook;

import io.idforge.identity.core.domain.shared.JsonSupport;
import io.idforge.identity.core.domain.shared.PublicIds;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's webhook receiver ({@code WHE…}): where to send, which events, how. The signing secret
 * is stored sealed (AES-GCM with the media key ring), because it must be usable to sign; after a
 * rotation the previous sealed secret stays until {@code previous_secret_until} so receivers can
 * switch without losing events. Deleting keeps the row (soft delete) so the delivery log still
 * names it.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

  public static final String PREFIX = "WHE";

  @Id
  @SequenceGenerator(name = "webhook_endpoint_seq", sequenceName = "webhook_endpoint_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_endpoint_seq")
  private Long id;

  @Column(name = "endpoint_id", length = 40, nullable = false, unique = true, updatable = false)
  private String endpointId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "url", length = 2048, nullable = false)
  private String url;

  @Column(name = "http_method", length = 10, nullable = false)
  private String httpMethod;

  @Column(name = "event_types", nullable = false)
  private String eventTypes;

  @Column(name = "event_actions", nullable = false)
  private String eventActions;

  /** Extra request headers as a JSON object of strings. */
  @Column(name = "headers", nullable = false)
  private String headers;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "secret_sealed", length = 400, nullable = false)
  private String secretSealed;

  @Column(name = "previous_secret_sealed", length = 400)
  private String previousSecretSealed;

  @Column(name = "previous_secret_until")
  private OffsetDateTime previousSecretUntil;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "deleted_at")
  private OffsetDateTime deletedAt;

  @Version
  @Column(name = "version", nullable = false)
  private Long version;

  protected WebhookEndpoint() {}

  public WebhookEndpoint(String clientId, EndpointSettings settings, String secretSealed, OffsetDateTime now) {
    this.endpointId = PublicIds.next(PREFIX);
    this.clientId = clientId;
    this.secretSealed = secretSealed;
    this.createdAt = now;
    apply(settings, now);
  }

  /** Replaces the settings (PUT). */
  public void apply(EndpointSettings s, OffsetDateTime now) {
    this.url = s.url();
    this.httpMethod = s.httpMethod();
    this.eventTypes = EventFilter.join(s.filter().eventTypes());
    this.eventActions = EventFilter.join(s.filter().eventActions());
    var json = JsonSupport.JSON.createObjectBuilder();
    s.headers().forEach(json::add);
    this.headers = json.build().toString();
    this.enabled = s.enabled();
    this.updatedAt = now;
  }

  /** Installs a new sealed secret; the current one signs too until {@code overlapUntil}. */
  public void rotateSecret(String newSealed, OffsetDateTime overlapUntil, OffsetDateTime now) {
    this.previousSecretSealed = secretSealed;
    this.previousSecretUntil = overlapUntil;
    this.secretSealed = newSealed;
    this.updatedAt = now;
  }

  public void delete(OffsetDateTime now) {
    this.deletedAt = now;
    this.enabled = false;
    this.updatedAt = now;
  }

  public boolean wants(String eventType, String eventAction) {
    return enabled && deletedAt == null && filter().matches(eventType, eventAction);
  }

  public EventFilter filter() {
    return new EventFilter(EventFilter.split(eventTypes), EventFilter.split(eventActions));
  }

  public Map<String, String> headers() {
    Map<String, String> out = new LinkedHashMap<>();
    try (var reader = JsonSupport.JSON.createReader(new StringReader(headers))) {
      reader.readObject().forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
    }
    return out;
  }

  /** The previous sealed secret while the rotation overlap lasts. */
  public Optional<String> previousSecretSealed(OffsetDateTime now) {
    return previousSecretUntil != null && now.isBefore(previousSecretUntil)
        ? Optional.ofNullable(previousSecretSealed)
        : Optional.empty();
  }

  public EndpointSettings settings() {
    return new EndpointSettings(url, httpMethod, filter(), headers(), enabled);
  }

  public Long id() {
    return id;
  }

  public String endpointId() {
    return endpointId;
  }

  public String clientId() {
    return clientId;
  }

  public String url() {
    return url;
  }

  public String httpMethod() {
    return httpMethod;
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public String secretSealed() {
    return secretSealed;
  }

  public OffsetDateTime previousSecretUntil() {
    return previousSecretUntil;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
