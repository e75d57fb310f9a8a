package io.idforge.identity.core.domain.flow;

/**
 * A flow's definition changed (a new version: enabled, disabled, time to live, steps). Fired by
 * {@code FlowService} inside the changing transaction; caches of the flow drop it.
 */
public record FlowChanged(String clientId, String flowId) {}
