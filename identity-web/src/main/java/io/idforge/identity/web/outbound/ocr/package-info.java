/**
 * Outbound adapter for the {@link io.idforge.identity.api.spi.TextRecognizer} port: the Tesseract
 * OCR engine from the host's Debian packages, run as a subprocess so that a crash or a hostile
 * image cannot take the JVM down and no image leaves the server.
 *
 * <p>Layer rule: implements an SPI port from {@code identity-api}; depends on no core service and
 * on no other web package. Recognised text is personal data: it is never logged, only durations and
 * failures are.
 */
package io.idforge.identity.web.outbound.ocr;
