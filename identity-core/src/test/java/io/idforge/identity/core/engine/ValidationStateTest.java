package io.idforge.identity.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idforge.identity.core.domain.process.FailureStatus;
import io.idforge.identity.core.domain.process.ProcessStatus;
import io.idforge.identity.core.domain.validation.IllegalTransitionException;
import io.idforge.identity.core.domain.validation.Trigger;
import io.idforge.identity.core.domain.validation.ValidationState;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, trigger) pair of a validation, as a table written independently of the
 * implementation: 8 states x 10 triggers = 80 pairs, 16 of them moves, the other 64 refused.
 */
class ValidationStateTest {

  /** The allowed moves: "from trigger -> to". Anything absent must throw. */
  static final String[] MOVES = {
    "AWAITING_INPUT SUBMIT CHECKING",
    "AWAITING_INPUT RETRY AWAITING_INPUT",
    "AWAITING_INPUT DECLINE DECLINED",
    "AWAITING_INPUT CANCEL CANCELED",
    "AWAITING_INPUT EXPIRE EXPIRED",
    "CHECKING PASS SUCCEEDED",
    "CHECKING RETRY AWAITING_INPUT",
    "CHECKING DECLINE DECLINED",
    "CHECKING REVIEW IN_REVIEW",
    "CHECKING ERROR SYSTEM_ERROR",
    "CHECKING CANCEL CANCELED",
    "CHECKING EXPIRE EXPIRED",
    "IN_REVIEW APPROVE SUCCEEDED",
    "IN_REVIEW REJECT DECLINED",
    "IN_REVIEW CANCEL CANCELED",
    "IN_REVIEW EXPIRE EXPIRED",
  };

  static Map<ValidationState, Map<Trigger, ValidationState>> expected() {
    Map<ValidationState, Map<Trigger, ValidationState>> t = new EnumMap<>(ValidationState.class);
    for (String move : MOVES) {
      String[] p = move.split(" ");
      t.computeIfAbsent(ValidationState.valueOf(p[0]), k -> new HashMap<>())
          .put(Trigger.valueOf(p[1]), ValidationState.valueOf(p[2]));
    }
    return t;
  }

  static Stream<Arguments> everyPair() {
    return Stream.of(ValidationState.values())
        .flatMap(s -> Stream.of(Trigger.values()).map(t -> Arguments.of(s, t)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("everyPair")
  void everyStateAndTriggerPairMovesAsTheTableSaysOrThrows(ValidationState from, Trigger trigger) {
    ValidationState to = expected().getOrDefault(from, Map.of()).get(trigger);
    if (to == null) {
      IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> from.on(trigger));
      assertEquals(from, e.from());
      assertEquals(trigger, e.trigger());
    } else {
      assertEquals(to, from.on(trigger));
    }
  }

  @ParameterizedTest
  @MethodSource("states")
  void wireStatusFollowsTheState(ValidationState s, ProcessStatus status, FailureStatus failure) {
    assertEquals(status, s.status());
    assertEquals(failure, s.failureStatus());
    assertEquals(status == ProcessStatus.PENDING, s.isLive());
  }

  static Stream<Arguments> states() {
    return Stream.of(
        Arguments.of(ValidationState.AWAITING_INPUT, ProcessStatus.PENDING, null),
        Arguments.of(ValidationState.CHECKING, ProcessStatus.PENDING, null),
        Arguments.of(ValidationState.IN_REVIEW, ProcessStatus.PENDING, null),
        Arguments.of(ValidationState.SUCCEEDED, ProcessStatus.SUCCESS, null),
        Arguments.of(ValidationState.DECLINED, ProcessStatus.FAILURE, FailureStatus.DECLINED),
        Arguments.of(ValidationState.CANCELED, ProcessStatus.FAILURE, FailureStatus.DECLINED),
        Arguments.of(ValidationState.SYSTEM_ERROR, ProcessStatus.FAILURE, FailureStatus.SYSTEM_ERROR),
        Arguments.of(ValidationState.EXPIRED, ProcessStatus.FAILURE, FailureStatus.EXPIRED));
  }
}
