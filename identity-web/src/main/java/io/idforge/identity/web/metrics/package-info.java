/**
 * The domain counters of {@code IdentityMetrics} as MicroProfile Metrics (application scope,
 * Prometheus text at {@code /metrics?scope=application}). Web layer; the port lives in core.
 */
package io.idforge.identity.web.metrics;
