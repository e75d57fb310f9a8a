package io.idforge.identity.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.privacy.SealedColumns;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sealed personal data: round trip, column binding, legacy plaintext, rotation, tampering. */
class FieldSealingTest {

  private static final byte[] OLD = new byte[32];
  private static final byte[] NEW = new byte[32];

  static {
    for (int i = 0; i < 32; i++) {
      OLD[i] = (byte) i;
      NEW[i] = (byte) (100 + i);
    }
  }

  @AfterEach
  void uninstall() {
    FieldSealing.install(null);
  }

  private static MediaCipher ring(String active, Map<String, byte[]> keys) {
    return new MediaCipher(active, keys);
  }

  @Test
  void aValueRoundTripsAndIsNotStoredInPlaintext() {
    FieldSealing.install(ring("k1", Map.of("k1", OLD)));
    String sealed = FieldSealing.seal("ana@example.com", "account.email");
    assertTrue(sealed.startsWith("enc1:k1:"), sealed);
    assertFalse(sealed.contains("ana@example.com"));
    assertFalse(new String(Base64.getDecoder().decode(sealed.substring(8))).contains("ana@example.com"));
    assertEquals("ana@example.com", FieldSealing.open(sealed, "account.email"));
    assertNotEquals(sealed, FieldSealing.seal("ana@example.com", "account.email"), "a fresh nonce each time");
    assertNull(FieldSealing.seal(null, "account.email"));
  }

  @Test
  void aValueMovedToAnotherColumnDoesNotOpen() {
    FieldSealing.install(ring("k1", Map.of("k1", OLD)));
    String sealed = FieldSealing.seal("+573101234567", "account.phone_number");
    assertThrows(IllegalStateException.class, () -> FieldSealing.open(sealed, "account.email"));
  }

  @Test
  void aTamperedValueDoesNotOpen() {
    FieldSealing.install(ring("k1", Map.of("k1", OLD)));
    String sealed = FieldSealing.seal("Juan", "account.first_name");
    char last = sealed.charAt(sealed.length() - 2);
    String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
    assertThrows(IllegalStateException.class, () -> FieldSealing.open(tampered, "account.first_name"));
  }

  @Test
  void plaintextFromBeforeEncryptionIsReadAsItIs() {
    FieldSealing.install(ring("k1", Map.of("k1", OLD)));
    assertEquals("{\"phones\":[\"+573101234567\"]}", FieldSealing.open("{\"phones\":[\"+573101234567\"]}", "identity_process.start_data"));
    assertFalse(FieldSealing.isSealed("plain"));
  }

  @Test
  void afterRotationOldValuesOpenAndNewOnesUseTheNewKey() {
    FieldSealing.install(ring("k1", Map.of("k1", OLD)));
    String before = FieldSealing.seal("1234567890", "account.document_number");
    Map<String, byte[]> rotated = new LinkedHashMap<>();
    rotated.put("k2", NEW);
    rotated.put("k1", OLD);
    FieldSealing.install(ring("k2", rotated));
    assertEquals("1234567890", FieldSealing.open(before, "account.document_number"));
    assertTrue(FieldSealing.seal("1234567890", "account.document_number").startsWith("enc1:k2:"));
    FieldSealing.install(ring("k2", Map.of("k2", NEW)));
    assertThrows(IllegalStateException.class, () -> FieldSealing.open(before, "account.document_number"));
  }

  @Test
  void theConverterOfAColumnSealsForThatColumn() {
    FieldSealing.install(ring("k1", Map.of("k1", OLD)));
    SealedColumns.OtpDestination converter = new SealedColumns.OtpDestination();
    String stored = converter.convertToDatabaseColumn("ana@example.com");
    assertEquals("ana@example.com", FieldSealing.open(stored, "validation.otp_destination"));
    assertEquals("ana@example.com", converter.convertToEntityAttribute(stored));
    assertTrue(SealedColumns.ALL.contains(converter.column()));
  }

  @Test
  void withoutKeysNothingIsWrittenInPlaintext() {
    assertThrows(IllegalStateException.class, () -> FieldSealing.seal("Juan", "account.first_name"));
  }
}
