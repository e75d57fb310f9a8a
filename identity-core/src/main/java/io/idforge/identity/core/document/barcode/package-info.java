/**
 * Barcodes on identity documents: reading PDF417 symbols from images with ZXing, and parsing the
 * fixed-position payload on the back of the Colombian yellow cédula.
 */
package io.idforge.identity.core.document.barcode;
