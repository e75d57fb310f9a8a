/**
 * Application services of the operator console: console users and sign-in
 * ({@link io.idforge.identity.core.application.console.ConsoleUserService}), the audit trail
 * ({@link io.idforge.identity.core.application.console.AuditTrail}) and the reads of processes an
 * operator makes ({@link io.idforge.identity.core.application.console.ConsoleProcesses}). Every call
 * takes a {@link io.idforge.identity.core.application.console.ConsoleActor}; the tenant comes from
 * it, never from a request parameter, so a foreign id is simply not found.
 */
package io.idforge.identity.core.application.console;
