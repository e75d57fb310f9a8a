package io.idforge.identity.core.document.image;

import io.idforge.identity.api.error.ErrorCode;
import io.idforge.identity.core.domain.shared.IdentityException;
import java.time.Duration;

/**
 * Every decoding permit of the {@link DecodeBulkhead} stayed taken for the whole bounded wait: the
 * service is busy decoding other pictures. Nothing is wrong with the upload; the caller answers
 * "busy, try again" (503 with {@link #retryAfter()}) and must not count the attempt as a try. As
 * an {@link IdentityException} it rolls back the transaction it crosses, so whatever the attempt
 * had recorded (stored picture, used retry) is undone.
 */
public class DecodeBusyException extends IdentityException {

  private static final long serialVersionUID = 1L;

  /** The message on the wire; it names no picture and no person. */
  public static final String MESSAGE = "Service busy: too many pictures are being checked; try again in a moment";

  private final transient Duration retryAfter;

  public DecodeBusyException(Duration retryAfter) {
    super(ErrorCode.SERVICE_UNAVAILABLE, MESSAGE);
    this.retryAfter = retryAfter;
  }

  /** A sensible delay before the next attempt: the bulkhead's own wait. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
