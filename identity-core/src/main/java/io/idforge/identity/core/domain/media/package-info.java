/** Uploaded images, stored encrypted per tenant ({@link io.idforge.identity.core.domain.media.StoredMedia}). */
package io.idforge.identity.core.domain.media;
