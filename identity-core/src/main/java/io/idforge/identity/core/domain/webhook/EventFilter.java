package io.idforge.identity.core.domain.webhook;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which events an endpoint wants: lists of {@code event_type} and {@code event_action}; an empty
 * list means every value. Stored as comma-separated text (the values are identifiers, never commas).
 */
public record EventFilter(List<String> eventTypes, List<String> eventActions) {

  private static final Pattern VALUE = Pattern.compile("[a-z0-9_.]{1,60}");

  public EventFilter {
    eventTypes = List.copyOf(eventTypes == null ? List.of() : eventTypes);
    eventActions = List.copyOf(eventActions == null ? List.of() : eventActions);
  }

  public static EventFilter all() {
    return new EventFilter(List.of(), List.of());
  }

  /** True when a value has the shape of an event type or action (lower case, dots, underscores). */
  public static boolean wellFormed(String value) {
    return value != null && VALUE.matcher(value).matches();
  }

  public boolean matches(String eventType, String eventAction) {
    return (eventTypes.isEmpty() || Set.copyOf(eventTypes).contains(eventType))
        && (eventActions.isEmpty() || Set.copyOf(eventActions).contains(eventAction));
  }

  static String join(List<String> values) {
    return String.join(",", values);
  }

  static List<String> split(String stored) {
    return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
  }
}
