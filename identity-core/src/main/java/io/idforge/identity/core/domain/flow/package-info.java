/**
 * Validation flows: the {@link io.idforge.identity.core.domain.flow.Flow} root, its immutable
 * {@link io.idforge.identity.core.domain.flow.FlowVersion}s and the step model.
 */
package io.idforge.identity.core.domain.flow;
