/**
 * ICAO Doc 9303 machine-readable zones (TD1, TD2, TD3): locating them in OCR text, parsing their
 * fields and verifying their check digits. Pure Java, no container; dates are resolved against a
 * caller-supplied clock so results are reproducible.
 */
package io.idforge.identity.core.document.mrz;
