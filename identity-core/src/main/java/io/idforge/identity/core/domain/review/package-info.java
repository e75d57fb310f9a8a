/** The manual review queue ({@link io.idforge.identity.core.domain.review.ReviewTask}). */
package io.idforge.identity.core.domain.review;
