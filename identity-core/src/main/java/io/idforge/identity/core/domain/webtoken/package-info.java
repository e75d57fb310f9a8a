/**
 * Issued web integration tokens ({@link io.idforge.identity.core.domain.webtoken.WebToken}): one
 * per user and per process, recorded by {@code jti} for listing, revocation and the
 * one-token-one-process rule.
 */
package io.idforge.identity.core.domain.webtoken;
