package io.idforge.identity.api.spi;

import java.util.Arrays;
import java.util.Optional;

/**
 * A gesture of active liveness, named as Truora's {@code actions_status[].action}. Directions are
 * the user's own: {@code look-left} is a turn towards the user's left shoulder, which in an
 * unmirrored camera frame moves the nose towards the right edge of the picture.
 */
public enum LivenessAction {
  LOOK_LEFT("look-left"),
  LOOK_RIGHT("look-right"),
  LOOK_UP("look-up"),
  LOOK_DOWN("look-down"),
  OPEN_MOUTH("open-mouth");

  private final String wireValue;

  LivenessAction(String wireValue) {
    this.wireValue = wireValue;
  }

  public String wireValue() {
    return wireValue;
  }

  public static Optional<LivenessAction> fromWire(String value) {
    return Arrays.stream(values()).filter(a -> a.wireValue.equals(value)).findFirst();
  }
}
