/**
 * The document-validation step as a pure-Java library: extracted document fields ({@link
 * io.idforge.identity.core.document.DocumentData}) checked for internal consistency into
 * Truora-shaped {@code data_consistency} items ({@link
 * io.idforge.identity.core.document.CheckItem}). Subpackages hold the building blocks: {@code mrz}
 * (ICAO machine-readable zones), {@code numbers} (document-number algorithms), {@code barcode}
 * (PDF417) and {@code image} (upload and picture-quality checks). No Jakarta EE, no system clock:
 * callers pass the date.
 */
package io.idforge.identity.core.document;
