/** Authentication of API calls by the {@code Truora-API-Key} header (backend keys and web tokens). */
package io.idforge.identity.web.rest.security;
