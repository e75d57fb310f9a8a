package io.idforge.identity.persistence.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Every {@code OffsetDateTime} of every entity is in UTC, whichever JPA provider read it and
 * whatever the server JVM's time zone. A {@code TIMESTAMP WITH TIME ZONE} keeps the instant, not the
 * offset, and the providers differ in the offset they read it back with: EclipseLink (Payara) uses
 * the JVM's zone (-05:00 in Bogotá), Hibernate (WildFly) UTC. Without this, a process created at
 * 21:00Z read back as 16:00-05:00: the same instant, but another wire value and an unequal
 * {@code OffsetDateTime}.
 */
@Converter(autoApply = true)
public class UtcTimestampConverter implements AttributeConverter<OffsetDateTime, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(OffsetDateTime value) {
    return utc(value);
  }

  @Override
  public OffsetDateTime convertToEntityAttribute(OffsetDateTime value) {
    return utc(value);
  }

  /** The same rule for the adapters that write or read with plain JDBC (the expiry sweep, events). */
  static OffsetDateTime utc(OffsetDateTime value) {
    return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
