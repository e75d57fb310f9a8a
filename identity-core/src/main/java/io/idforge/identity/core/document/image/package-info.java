/**
 * Checks on uploaded document pictures before any extraction: file type by magic bytes, size,
 * decoding with ImageIO, resolution and blur (variance of the Laplacian). Each failed check names
 * the declined-reason code of the catalogue.
 */
package io.idforge.identity.core.document.image;
