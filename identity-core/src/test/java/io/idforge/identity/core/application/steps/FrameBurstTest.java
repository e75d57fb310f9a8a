package io.idforge.identity.core.application.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameBurstTest {

  @Test
  void framesComeBackInOrder() {
    List<byte[]> frames = List.of(new byte[] {1, 2, 3}, new byte[0], new byte[] {9});
    List<byte[]> back = FrameBurst.unpack(FrameBurst.pack(frames));
    assertEquals(3, back.size());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(frames.get(i), back.get(i));
    }
  }

  @Test
  void aDamagedOrForeignObjectIsRefused() {
    byte[] packed = FrameBurst.pack(List.of(new byte[] {1, 2, 3}));
    assertThrows(IllegalArgumentException.class, () -> FrameBurst.unpack(Arrays.copyOf(packed, packed.length - 1)));
    assertThrows(IllegalArgumentException.class, () -> FrameBurst.unpack("not a burst".getBytes()));
  }

  @Test
  void chosenActionsAreTwoOrThreeDistinctOnes() {
    for (int i = 0; i < 200; i++) {
      List<String> a = FaceStepHandler.chooseActions();
      assertEquals(a.stream().distinct().count(), a.size());
      assertEquals(true, a.size() == 2 || a.size() == 3, a.toString());
    }
  }
}
