/** The tenant aggregate ({@link io.idforge.identity.core.domain.client.Client}) and its port. */
package io.idforge.identity.core.domain.client;
