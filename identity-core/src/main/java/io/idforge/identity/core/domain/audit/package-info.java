/**
 * The console's audit trail ({@link io.idforge.identity.core.domain.audit.AuditEntry}): append-only,
 * hash-chained. Nothing in the application updates or deletes an entry; the port has no such
 * method. Core domain: imports nothing from web, persistence or face.
 */
package io.idforge.identity.core.domain.audit;
