/**
 * Wire contract of {@code POST/GET/DELETE /v1/api-keys}: the strict form parser for token
 * creation, the one-time token answer and the token-free key listing.
 */
package io.idforge.identity.api.apikeys;
