/** Ports the application layer needs from infrastructure: schema migration, job leases, the console's aggregates. */
package io.idforge.identity.core.application.port;
