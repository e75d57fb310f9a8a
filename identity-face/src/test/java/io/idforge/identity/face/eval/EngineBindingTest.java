package io.idforge.identity.face.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

class EngineBindingTest {

  @Test
  void aReDetectedRemnantOfABlankedFaceIsNotANewFace() {
    Rectangle face = new Rectangle(100, 100, 100, 120);
    // The detector's second look at a blanked face: its chin and neck, mostly below it.
    assertTrue(EngineBinding.overlaps(face, new Rectangle(120, 180, 120, 200)));
    // A neighbour touching the box is a different face.
    assertFalse(EngineBinding.overlaps(face, new Rectangle(195, 100, 100, 120)));
    assertFalse(EngineBinding.overlaps(face, new Rectangle(400, 100, 100, 120)));
  }
}
