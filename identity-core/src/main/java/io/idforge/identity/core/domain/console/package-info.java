/**
 * The operator console's users ({@link io.idforge.identity.core.domain.console.ConsoleUser}): an
 * operator across tenants or a tenant's admin, reviewer or auditor. Core domain: imports nothing
 * from web, persistence or face.
 */
package io.idforge.identity.core.domain.console;
