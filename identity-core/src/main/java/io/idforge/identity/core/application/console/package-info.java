/**
 * Application services of the operator console: console users and sign-in
 * ({@link io.idforge.identity.core.application.console.ConsoleUserService}), the audit trail
 * ({@link io.idforge.identity.core.application.console.AuditTrail}), the reads of processes an
 * operator makes ({@link io.idforge.identity.core.application.console.ConsoleProcesses}), the
 * dashboard's aggregates ({@link io.idforge.identity.core.application.console.ConsoleInsights}, with
 * the arithmetic in {@link io.idforge.identity.core.application.console.DashboardFigures}), flows
 * ({@link io.idforge.identity.core.application.console.ConsoleFlows}), web tokens
 * ({@link io.idforge.identity.core.application.console.ConsoleWebTokens}) and tenants
 * ({@link io.idforge.identity.core.application.console.ConsoleTenants}). Every call
 * takes a {@link io.idforge.identity.core.application.console.ConsoleActor}; the tenant comes from
 * it, never from a request parameter, so a foreign id is simply not found.
 */
package io.idforge.identity.core.application.console;
