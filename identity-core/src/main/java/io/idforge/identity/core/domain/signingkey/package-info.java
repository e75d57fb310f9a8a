/** Signing secrets the service generated for itself when none was configured. */
package io.idforge.identity.core.domain.signingkey;
