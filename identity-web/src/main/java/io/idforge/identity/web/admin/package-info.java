/**
 * The operator console under {@code /admin}: Faces backing beans ({@code *Backing}) and the
 * servlets that stream images and the audit CSV. Beans call application services of
 * {@code io.idforge.identity.core.application.console} only, with the
 * {@link io.idforge.identity.core.application.console.ConsoleActor} from {@link
 * io.idforge.identity.web.admin.security.ConsoleSession}; no entity manager, no persistence or face
 * imports (LayeringTest).
 */
package io.idforge.identity.web.admin;
