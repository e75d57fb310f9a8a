package io.idforge.identity.web.metrics;

import io.idforge.identity.core.application.port.IdentityMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Counts the opening of a process by a web token as a start or a resume. The application service
 * answers both with the same process; one created during the call has a creation time at or after
 * the mark taken just before it (same clock), which tells the two apart without another query.
 * TODO(#13): the process engine rewrite can report starts itself through {@link IdentityMetrics}.
 */
@ApplicationScoped
public class ProcessOpenings {

  /** Processes opened through {@code POST /v1/processes}. */
  public static final String API = "api";

  /** Processes opened through the process URL. */
  public static final String HOSTED = "hosted";

  @Inject IdentityMetrics metrics;

  @Inject Clock clock;

  /** The moment before the call that opens the process. */
  public OffsetDateTime mark() {
    return OffsetDateTime.now(clock);
  }

  /** Records the opening of a process created at {@code createdAt}. */
  public void opened(String channel, OffsetDateTime mark, OffsetDateTime createdAt) {
    if (createdAt != null && !createdAt.isBefore(mark)) {
      metrics.processStarted(channel);
    } else {
      metrics.processResumed(channel);
    }
  }
}
