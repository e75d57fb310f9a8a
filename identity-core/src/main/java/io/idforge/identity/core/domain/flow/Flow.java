package io.idforge.identity.core.domain.flow;

import io.idforge.identity.core.domain.shared.PublicIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A tenant's reusable validation flow ({@code IPF…}), the aggregate root over its
 * {@link FlowVersion}s. It points at its current version; processes pin the version they started
 * with, so editing a flow never changes a running process.
 */
@Entity
@Table(name = "flow")
public class Flow {

  @Id
  @SequenceGenerator(name = "flow_seq", sequenceName = "flow_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flow_seq")
  private Long id;

  @Column(name = "flow_id", length = 40, nullable = false, unique = true, updatable = false)
  private String flowId;

  @Column(name = "client_id", length = 40, nullable = false, updatable = false)
  private String clientId;

  @Column(name = "name", length = 100, nullable = false)
  private String name;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "flow_version", nullable = false)
  private int flowVersion;

  @Column(name = "time_to_live", nullable = false)
  private int timeToLive;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  @Column(name = "version")
  private Long version;

  protected Flow() {}

  public Flow(String clientId, FlowDefinition definition, OffsetDateTime now) {
    this.flowId = PublicIds.next(PublicIds.FLOW);
    this.clientId = clientId;
    this.flowVersion = 0;
    this.createdAt = now;
    apply(definition, now);
  }

  /**
   * Moves the flow to a new version holding {@code definition}.
   *
   * @return the new version number, which the caller stores as an immutable {@link FlowVersion}
   */
  public int apply(FlowDefinition definition, OffsetDateTime now) {
    this.name = definition.name();
    this.enabled = definition.enabled();
    this.timeToLive = definition.timeToLiveMinutes();
    this.updatedAt = now;
    return ++flowVersion;
  }

  public Long id() {
    return id;
  }

  public String flowId() {
    return flowId;
  }

  public String clientId() {
    return clientId;
  }

  public String name() {
    return name;
  }

  public boolean enabled() {
    return enabled;
  }

  public int flowVersion() {
    return flowVersion;
  }

  public int timeToLive() {
    return timeToLive;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
