package io.idforge.identity.core.privacy;

import io.idforge.identity.core.security.FieldSealing;
import jakarta.persistence.AttributeConverter;

/**
 * Seals a text column on write and opens it on read. One subclass per column (see
 * {@link SealedColumns}) because a converter does not know which column it serves, and the column
 * name is the associated data.
 */
public abstract class SealedText implements AttributeConverter<String, String> {

  private final String column;

  protected SealedText(String column) {
    this.column = column;
  }

  @Override
  public String convertToDatabaseColumn(String attribute) {
    return FieldSealing.seal(attribute, column);
  }

  @Override
  public String convertToEntityAttribute(String dbData) {
    return FieldSealing.open(dbData, column);
  }

  public String column() {
    return column;
  }
}
