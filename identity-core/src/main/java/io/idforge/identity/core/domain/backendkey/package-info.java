/** Backend API keys of a tenant, stored as digests ({@link io.idforge.identity.core.domain.backendkey.BackendKey}). */
package io.idforge.identity.core.domain.backendkey;
