package io.idforge.identity.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.security.OtpKeys;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentTagsTest {

  DocumentTags tags;
  OtpKeys keys;

  @BeforeEach
  void keys() throws Exception {
    tags = new DocumentTags();
    tags.keys = keysOf(new byte[32]);
    keys = tags.keys;
  }

  static OtpKeys keysOf(byte[] secret) throws Exception {
    OtpKeys k = new OtpKeys();
    set(k, "configuredKeys", Optional.of("k1=" + Base64.getEncoder().encodeToString(secret)));
    set(k, "clock", Clock.systemUTC());
    k.initialise();
    return k;
  }

  static void set(Object target, String name, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(name);
    f.setAccessible(true);
    f.set(target, value);
  }

  @Test
  void oneNumberHowEverItIsTyped() {
    String tag = tags.of("1020304050").orElseThrow();
    assertEquals(tag, tags.of("1.020.304.050").orElseThrow());
    assertEquals(tag, tags.of(" 10 20 30 40 50 ").orElseThrow());
    assertEquals(tags.of("PA1234567"), tags.of("pa-1234567"));
    assertNotEquals(tag, tags.of("1020304051").orElseThrow());
    assertTrue(tags.of(" .- ").isEmpty(), "no letter or digit: no tag, so it matches nothing");
    assertTrue(tag.matches("[0-9a-f]{64}"), tag);
  }

  @Test
  void keyedAndPurposeBound() throws Exception {
    String tag = tags.of("1020304050").orElseThrow();
    // Another key ring gives another tag: a leaked tag is not matched by hashing every number.
    DocumentTags other = new DocumentTags();
    other.keys = keysOf(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    assertNotEquals(tag, other.of("1020304050").orElseThrow());
    // The same value under the one-time-code destination purpose is another tag.
    assertNotEquals(tag, keys.destinationTag("1020304050"));
  }

  @Test
  void readsTheNumberADocumentCheckRecorded() {
    String details = "{\"document_details\":{\"country\":\"CO\",\"document_number\":\"1020304050\"},"
        + "\"document_validations\":{}}";
    assertEquals(tags.of("1020304050"), tags.fromDetails(details));
    assertTrue(tags.fromDetails("{\"document_details\":{\"country\":\"CO\"}}").isEmpty());
    assertTrue(tags.fromDetails("{\"document_details\":{\"document_number\":5}}").isEmpty());
    assertTrue(tags.fromDetails("not json").isEmpty());
    assertTrue(tags.fromDetails(null).isEmpty());
  }
}
