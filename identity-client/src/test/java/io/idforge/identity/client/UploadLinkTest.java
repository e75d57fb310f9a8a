package io.idforge.identity.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Signed upload links as the service writes them, split into {@link UploadsClient#put}'s parameters. */
class UploadLinkTest {

  @Test
  void aDocumentSideLinkIsSplitIntoItsSignedParts() {
    UploadLink link =
        UploadLink.parse("https://id.example.com/v1/uploads/VLD0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f/front"
            + "?attempt=1&max-size=31457280&method=PUT&Expires=1796518235&Signature=ab%2Bc%3D");
    assertEquals("VLD0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f", link.id());
    assertEquals("front", link.side());
    assertEquals(1, link.attempt());
    assertEquals(31457280L, link.maxSize());
    assertEquals("PUT", link.method());
    assertEquals(1796518235L, link.expires());
    assertEquals("ab+c=", link.signature(), "the signature is decoded once, as the server reads it");
  }

  @Test
  void aLinkWithoutAnAttemptKeepsItNull() {
    UploadLink link = UploadLink.parse("http://localhost:8080/v1/uploads/ENR1/reference?max-size=5242880&Expires=1&Signature=s");
    assertEquals("reference", link.side());
    assertNull(link.attempt());
    assertNull(link.method());
  }

  @Test
  void anythingElseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> UploadLink.parse("https://id.example.com/v1/validations/VLD1"));
    assertThrows(IllegalArgumentException.class,
        () -> UploadLink.parse("https://id.example.com/v1/uploads/VLD1/front?max-size=lots"));
  }
}
