package io.idforge.identity.core.domain.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;

/**
 * One immutable version of a flow: the definition as it was when published. The steps are stored
 * as JSON ({@link FlowDefinitionJson}) because they are read and written whole.
 */
@Entity
@Table(name = "flow_version")
public class FlowVersion {

  @Id
  @SequenceGenerator(name = "flow_version_seq", sequenceName = "flow_version_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flow_version_seq")
  private Long id;

  @Column(name = "flow_id", length = 40, nullable = false, updatable = false)
  private String flowId;

  @Column(name = "flow_version", nullable = false, updatable = false)
  private int flowVersion;

  @Column(name = "definition", nullable = false, updatable = false)
  private String definitionJson;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Transient private FlowDefinition definition;

  protected FlowVersion() {}

  public FlowVersion(String flowId, int flowVersion, FlowDefinition definition, OffsetDateTime now) {
    this.flowId = flowId;
    this.flowVersion = flowVersion;
    this.definition = definition;
    this.definitionJson = FlowDefinitionJson.write(definition);
    this.createdAt = now;
  }

  public String flowId() {
    return flowId;
  }

  public int flowVersion() {
    return flowVersion;
  }

  public FlowDefinition definition() {
    if (definition == null) {
      definition = FlowDefinitionJson.read(definitionJson);
    }
    return definition;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
