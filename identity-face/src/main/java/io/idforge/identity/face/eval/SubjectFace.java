package io.idforge.identity.face.eval;

import java.awt.image.BufferedImage;

/**
 * One person of the synthetic set.
 *
 * @param id a file-name-safe key, e.g. {@code astronaut} or {@code sample3-1}
 * @param photo the source photo; two faces of one photo are certainly different people
 * @param singlePortrait true for a one-person public-domain portrait, which is certainly a
 *     different person from every face of any other photo
 * @param selfie the "selfie": the source photo, or a crop of it around this face alone
 * @param selfieFaceWidth the width in pixels of the face box in {@code selfie}
 * @param portrait the crop printed on the ID card, 3:4 (width:height), face in the upper middle
 */
public record SubjectFace(
    String id, String photo, boolean singlePortrait, BufferedImage selfie, int selfieFaceWidth,
    BufferedImage portrait) {

  /**
   * Whether a pair of these two subjects is a known impostor pair. Faces of different group
   * photos may be the same person (face-api's demo photos have no identity labels), so such
   * pairs are left out rather than guessed.
   */
  public boolean knownDifferentFrom(SubjectFace other) {
    return !id.equals(other.id)
        && (photo.equals(other.photo) || singlePortrait || other.singlePortrait);
  }
}
