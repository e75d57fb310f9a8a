/** Schema migration with Flyway; scripts live in {@code db/migration}. */
package io.idforge.identity.persistence.migration;
