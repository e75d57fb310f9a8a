package io.idforge.identity.web.rest.input;

import io.idforge.identity.api.error.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Checks a JSON request body before it is bound: exactly one value and nothing after it, no key
 * twice in one object (JSON-P keeps the last one silently, so {@code {"name":"a","name":"b"}}
 * would mean whatever the parser chose), no NUL character in a key or string (PostgreSQL refuses
 * them), and at most {@value #MAX_DEPTH} levels of nesting. The offending field is named by its
 * path ({@code steps[1].config.face_threshold}), never by its value.
 */
public final class StrictJson {

  /** Deeper than any flow definition needs; bounds the work an attacker can ask for. */
  static final int MAX_DEPTH = 32;

  static final String NOT_JSON = "Invalid request: the body is not valid JSON";

  static final String TRAILING = "Invalid request: the body has content after the JSON value";

  private StrictJson() {}

  /** One open object or array while walking the document. */
  private static final class Level {
    final String path;
    final boolean array;
    final Set<String> keys = new HashSet<>();
    int index = -1;
    String key;

    Level(String path, boolean array) {
      this.path = path;
      this.array = array;
    }

    /** The path of the value being read inside this level. */
    String child() {
      if (array) {
        return path + "[" + index + "]";
      }
      return path.isEmpty() ? key : path + "." + key;
    }
  }

  /**
   * @throws InvalidInputException naming the offending field, or the body when it is not one JSON
   *     value
   */
  public static void check(String body) {
    Deque<Level> levels = new ArrayDeque<>();
    boolean done = false;
    try (JsonParser parser = Json.createParser(new StringReader(body == null ? "" : body))) {
      while (parser.hasNext()) {
        if (done) {
          // Parsers differ here: some throw on trailing content, some report another event.
          throw new InvalidInputException(null, TRAILING);
        }
        JsonParser.Event event = parser.next();
        Level level = levels.peek();
        if (level != null && level.array && event != JsonParser.Event.END_ARRAY) {
          level.index++;
        }
        switch (event) {
          case KEY_NAME -> {
            String key = parser.getString();
            if (key.indexOf('\0') >= 0) {
              throw new InvalidInputException(null, "Invalid request: a field name contains a NUL character");
            }
            level.key = key;
            if (!level.keys.add(key)) {
              throw new InvalidInputException(level.child(), "Invalid request: duplicate field " + level.child());
            }
          }
          case START_OBJECT, START_ARRAY -> {
            if (levels.size() >= MAX_DEPTH) {
              throw new InvalidInputException(null, "Invalid request: the body is nested too deeply");
            }
            levels.push(new Level(level == null ? "" : level.child(), event == JsonParser.Event.START_ARRAY));
          }
          case END_OBJECT, END_ARRAY -> {
            levels.pop();
            done = levels.isEmpty();
          }
          case VALUE_STRING -> {
            if (parser.getString().indexOf('\0') >= 0) {
              String field = level == null ? "the body" : level.child();
              throw new InvalidInputException(field, "Invalid request: " + field + " must not contain NUL characters");
            }
            done = level == null;
          }
          default -> done = level == null;
        }
      }
      if (!done) {
        throw new InvalidInputException(null, NOT_JSON);
      }
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      // JsonParsingException (a JsonException) for malformed text; after a complete value it can
      // only be the trailing content.
      throw new InvalidInputException(null, done ? TRAILING : NOT_JSON);
    }
  }
}
