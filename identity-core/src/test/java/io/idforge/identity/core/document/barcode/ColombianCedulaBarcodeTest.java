package io.idforge.identity.core.document.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColombianCedulaBarcodeTest {

  @Test
  void parsesTheFixedPositionFields() {
    String payload =
        CedulaPayloads.payload(
            "1020304050", "PEÑA", "GOMEZ", "MARIA", "JOSE", "F", "19900115", "AB-");
    ColombianCedulaBarcode cedula = ColombianCedulaBarcode.parse(payload).orElseThrow();
    assertEquals("1020304050", cedula.documentNumber());
    assertEquals("PEÑA GOMEZ", cedula.surnames());
    assertEquals("MARIA JOSE", cedula.givenNames());
    assertEquals("F", cedula.gender());
    assertEquals(LocalDate.of(1990, 1, 15), cedula.dateOfBirth());
    assertEquals("AB-", cedula.bloodType());
  }

  @Test
  void stripsTheNumberPaddingAndToleratesEmptySecondNames() {
    String payload =
        CedulaPayloads.payload("79123456", "LOPEZ", "", "ANA", "", "F", "19700228", "O+");
    ColombianCedulaBarcode cedula = ColombianCedulaBarcode.parse(payload).orElseThrow();
    assertEquals("79123456", cedula.documentNumber());
    assertEquals("LOPEZ", cedula.surnames());
    assertEquals("ANA", cedula.givenNames());
    assertEquals("O+", cedula.bloodType());
  }

  @Test
  void readsPayloadsWhoseScannerDroppedTheLeadingNulRun() {
    String full =
        CedulaPayloads.payload("1020304050", "PEREZ", "ROJAS", "JUAN", "", "M", "20000229", "A+");
    String truncated = full.substring(0, 10) + full.substring(21); // marker now at 13
    ColombianCedulaBarcode cedula = ColombianCedulaBarcode.parse(truncated).orElseThrow();
    assertEquals("1020304050", cedula.documentNumber());
    assertEquals(LocalDate.of(2000, 2, 29), cedula.dateOfBirth());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "https://example.org/some-qr",
        // AAMVA driver-licence header
        "@\n\u001e\rANSI 636014040002DL00410278ZC03190008DLDAQD1234562\n",
        // Argentine DNI PDF417
        "00232638557@MALAGAMBA@MARIA MONICA@F@27462786@B@12/11/1979@02/12/2013"
      })
  void otherPayloadsYieldNothing(String payload) {
    assertTrue(ColombianCedulaBarcode.parse(payload).isEmpty());
  }

  @Test
  void aPayloadWithTheMarkerButImpossibleFieldsYieldsNothing() {
    assertTrue(
        ColombianCedulaBarcode.parse(
                CedulaPayloads.payload(
                    "1020304050", "PEREZ", "", "JUAN", "", "X", "19900115", "O+"))
            .isEmpty());
    assertTrue(
        ColombianCedulaBarcode.parse(
                CedulaPayloads.payload(
                    "1020304050", "PEREZ", "", "JUAN", "", "M", "19901315", "O+"))
            .isEmpty());
    assertTrue(
        ColombianCedulaBarcode.parse(
                CedulaPayloads.payload("0", "PEREZ", "", "JUAN", "", "M", "19900115", "O+"))
            .isEmpty());
    String cut =
        CedulaPayloads.payload("1020304050", "PEREZ", "", "JUAN", "", "M", "19900115", "O+");
    assertTrue(ColombianCedulaBarcode.parse(cut.substring(0, 150)).isEmpty());
  }
}
