package io.idforge.identity.core.application.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.api.spi.LivenessAction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The server's choice of liveness actions. */
class FaceStepChallengeTest {

  @Test
  void everyChallengeAsksToOpenTheMouthAmongTwoOrThreeDistinctActions() {
    Set<String> others = new HashSet<>();
    Set<Integer> mouthPositions = new HashSet<>();
    Set<Integer> sizes = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      List<String> actions = FaceStepHandler.chooseActions();
      sizes.add(actions.size());
      assertEquals(actions.size(), new HashSet<>(actions).size(), actions.toString());
      assertTrue(actions.contains("open-mouth"), actions.toString());
      actions.forEach(a -> assertTrue(LivenessAction.fromWire(a).isPresent(), a));
      mouthPositions.add(actions.indexOf("open-mouth"));
      actions.stream().filter(a -> !a.equals("open-mouth")).forEach(others::add);
    }
    assertEquals(Set.of(2, 3), sizes);
    // The mouth comes first, second or third; every head movement is asked for.
    assertEquals(Set.of(0, 1, 2), mouthPositions);
    assertEquals(Set.of("look-left", "look-right", "look-up", "look-down"), others);
  }
}
