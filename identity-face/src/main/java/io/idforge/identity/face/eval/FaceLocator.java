package io.idforge.identity.face.eval;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Finds faces in a picture: the synthetic set needs their boxes to cut subjects out of group
 * photos. Backed by the engine's detector ({@link EngineBinding}); a fixed crop does for the
 * single portraits.
 */
@FunctionalInterface
public interface FaceLocator {

  /** The boxes of the faces found, in pixels of {@code image}, in any order. */
  List<Rectangle> locate(BufferedImage image);
}
