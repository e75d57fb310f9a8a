/**
 * Sign-in for the console: {@link io.idforge.identity.web.admin.security.ConsoleAuthenticationMechanism}
 * (Jakarta Security) acts on {@code /admin/*} only and leaves the REST API ({@code ApiKeyFilter}) and
 * the hosted flow alone; roles are enforced by {@code web.xml} constraints and again by the services.
 */
package io.idforge.identity.web.admin.security;
