/**
 * Background jobs on non-persistent EJB timers, guarded by database leases so several instances
 * can share one database.
 */
package io.idforge.identity.core.jobs;
