/**
 * The one error envelope of the API ({@code code}, {@code http_code}, {@code message}) and the
 * Truora error codes behind it. Depends on nothing but JSON-B annotations.
 */
package io.idforge.identity.api.error;
