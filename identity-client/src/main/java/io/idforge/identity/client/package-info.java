/**
 * A typed MicroProfile Rest Client for the identity service, for other Jakarta EE / MicroProfile
 * applications: one interface per resource family over the {@code identity-api} wire DTOs, and
 * {@link io.idforge.identity.client.IdentityApiExceptionMapper} turning Truora's error envelope
 * into {@link io.idforge.identity.client.IdentityApiException}. Depends on {@code identity-api}
 * only; the calling server provides JAX-RS, JSON-B and the Rest Client implementation.
 */
package io.idforge.identity.client;
