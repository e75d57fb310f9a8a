/**
 * The verification pipeline: decode (EXIF orientation, CMYK, greyscale), detect, choose the face,
 * landmarks, align, describe, compare, and map the distance to the documented similarity scale.
 */
package io.idforge.identity.face.engine;
