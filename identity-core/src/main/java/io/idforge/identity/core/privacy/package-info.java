/**
 * Privacy at rest and retention: JPA converters that seal personal data with the media key ring
 * ({@link io.idforge.identity.core.security.FieldSealing}), the retention policy per tenant, and
 * the redaction of a finished process (by the purge job or {@code DELETE /v1/processes/{id}}).
 * Core layer: imports only core and identity-api; storage goes through ports.
 */
package io.idforge.identity.core.privacy;
