/**
 * JPA adapters of the core's repository ports ({@code Jpa*Repository}), plus the job-lease
 * entity. Portable JPQL only; every tenant query filters by {@code client_id}.
 */
package io.idforge.identity.persistence.jpa;
