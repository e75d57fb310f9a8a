/**
 * Optional OpenID Connect sign-in for the console: a small, strict authorization-code client with
 * PKCE ({@link io.idforge.identity.web.admin.oidc.OidcSignInServlet}) configured by
 * {@code identity.console.oidc.*} ({@link io.idforge.identity.web.admin.oidc.OidcSettings}). It sits
 * beside the password form and ends in the same {@code ConsoleSession}, so the one
 * {@code ConsoleAuthenticationMechanism} serves both (Jakarta Security allows one mechanism per
 * application). The provider only proves who the user is; the console user, its tenant and roles
 * come from our database ({@code ConsoleUserService.signInExternal}). Layer: web; calls core
 * services only.
 */
package io.idforge.identity.web.admin.oidc;
