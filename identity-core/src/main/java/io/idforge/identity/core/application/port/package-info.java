/** Ports the application layer needs from infrastructure: schema migration and job leases. */
package io.idforge.identity.core.application.port;
