/** {@code /v1/processes}: processes, results and listing in Truora's shapes. */
package io.idforge.identity.web.rest.processes;
