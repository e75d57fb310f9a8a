/**
 * Exception mappers: every error leaves the API in Truora's envelope
 * ({@code {"code","http_code","message"}}), 401 as the bare {@code {"message":"Unauthorized"}}.
 */
package io.idforge.identity.web.rest.error;
