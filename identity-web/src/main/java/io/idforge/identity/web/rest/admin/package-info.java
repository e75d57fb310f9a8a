/** Operator endpoints outside Truora's contract (tenant provisioning), guarded by the admin key. */
package io.idforge.identity.web.rest.admin;
