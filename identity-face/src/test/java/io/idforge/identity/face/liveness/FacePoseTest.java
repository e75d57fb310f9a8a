package io.idforge.identity.face.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FacePoseTest {

  /** A frontal face's points that the measures read (others 0), in a 200 px face. */
  static double[] frontal(double noseX, double mouthGap) {
    double[] l = new double[136];
    set(l, 0, 0, 40);
    set(l, 16, 200, 40);
    for (int i = 36; i <= 41; i++) {
      set(l, i, 60 + (i - 36), 40);
    }
    for (int i = 42; i <= 47; i++) {
      set(l, i, 135 + (i - 42), 40);
    }
    set(l, 30, noseX, 100);
    set(l, 48, 65, 150);
    set(l, 54, 135, 150);
    set(l, 60, 72, 150);
    set(l, 64, 128, 150);
    set(l, 61, 85, 150);
    set(l, 62, 100, 150);
    set(l, 63, 115, 150);
    set(l, 67, 85, 150 + mouthGap);
    set(l, 66, 100, 150 + mouthGap);
    set(l, 65, 115, 150 + mouthGap);
    return l;
  }

  private static void set(double[] l, int i, double x, double y) {
    l[2 * i] = x;
    l[2 * i + 1] = y;
  }

  /** The points moved by a shift, an in-plane rotation and a scale about (100, 100). */
  static double[] moved(double[] l, double dx, double dy, double degrees, double scale) {
    double c = Math.cos(Math.toRadians(degrees));
    double s = Math.sin(Math.toRadians(degrees));
    double[] out = new double[l.length];
    for (int i = 0; i < l.length; i += 2) {
      double x = l[i] - 100;
      double y = l[i + 1] - 100;
      out[i] = 100 + dx + scale * (c * x - s * y);
      out[i + 1] = 100 + dy + scale * (s * x + c * y);
    }
    return out;
  }

  @Test
  void aFrontalFaceMeasuresNoTurnAndAClosedMouth() {
    FacePose p = FacePose.of(frontal(100, 0));
    assertEquals(0, p.yaw(), 1e-9);
    assertEquals(60.0 / 110, p.pitch(), 1e-9);
    assertEquals(0, p.mouth(), 1e-9);
  }

  @Test
  void theNoseMovingRightIsATurnToTheUsersLeftAndAGapOpensTheMouth() {
    assertEquals(0.3, FacePose.of(frontal(130, 0)).yaw(), 1e-9);
    assertEquals(-0.3, FacePose.of(frontal(70, 0)).yaw(), 1e-9);
    assertEquals(28.0 / 56, FacePose.of(frontal(100, 28)).mouth(), 1e-9);
  }

  @Test
  void aPhotoShiftedTurnedInPlaneOrScaledMeasuresTheSame() {
    double[] face = frontal(112, 9);
    FacePose p = FacePose.of(face);
    for (double[] m : new double[][] {
        moved(face, 40, -25, 0, 1), moved(face, 0, 0, 12, 1), moved(face, -10, 5, -8, 0.8),
        moved(face, 3, 3, 30, 1.3)}) {
      FacePose q = FacePose.of(m);
      assertEquals(p.yaw(), q.yaw(), 1e-9);
      assertEquals(p.pitch(), q.pitch(), 1e-9);
      assertEquals(p.mouth(), q.mouth(), 1e-9);
    }
  }

  @Test
  void refusesAnythingButSixtyEightPoints() {
    assertThrows(IllegalArgumentException.class, () -> FacePose.of(new double[10]));
    assertThrows(IllegalArgumentException.class, () -> FacePose.of(new double[136]));
    assertTrue(FacePose.of(frontal(100, 0)).pitch() > 0);
  }
}
