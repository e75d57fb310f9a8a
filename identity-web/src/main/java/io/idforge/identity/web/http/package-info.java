/**
 * What the WAR exposes over HTTP: the session cookie's {@code Secure} and {@code SameSite}
 * attributes and HSTS (derived from {@code identity.public-base-url}), and the operator key in
 * front of the server's health, metrics and OpenAPI endpoints. Web layer only.
 */
package io.idforge.identity.web.http;
