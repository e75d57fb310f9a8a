package io.idforge.identity.api.error;

/**
 * Thrown by the form and request parsers of this module when the caller sent a malformed, missing
 * or unknown field. The web layer renders it as {@link ErrorCode#INVALID_REQUEST} (10400 / 400)
 * with {@link #getMessage()} as the message.
 *
 * <p>The message always starts with {@value #PREFIX} and names the offending field by its wire
 * name, e.g. {@code "Invalid request: account_id must match [a-zA-Z0-9_.-]+"}. It never echoes the
 * submitted value, which may be personal data.
 */
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The prefix of every message, as Truora writes it. */
  public static final String PREFIX = "Invalid request: ";

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the wire name (or JSON path, e.g. {@code steps[1].type}) of the offending field;
   *     null when the problem is not tied to one field
   * @param message the full message; {@value #PREFIX} is prepended when missing
   */
  public InvalidInputException(String field, String message) {
    super(message != null && message.startsWith(PREFIX) ? message : PREFIX + message);
    this.field = field;
  }

  /** The wire name or JSON path of the offending field, or null. */
  public String field() {
    return field;
  }
}
