package io.idforge.identity.web.hosted;

/**
 * The events the hosted flow posts to the page that embeds it in an iframe, named as Truora's
 * ({@code truora.process.succeeded}, {@code truora.process.failed}, {@code truora.steps.completed}).
 * Truora's web integrations compare {@code event.data} with the bare name, so the bare name is
 * the default message; {@code event_format=sdk} on the process URL asks for the string Truora's
 * native SDK bridge posts, {@code "<event>,<process_id>"}, for pages that want the process id.
 */
final class FrameEvents {

  static final String PROCESS_SUCCEEDED = "truora.process.succeeded";
  static final String PROCESS_FAILED = "truora.process.failed";
  /** The user finished their steps; a review (or another asynchronous check) is still pending. */
  static final String STEPS_COMPLETED = "truora.steps.completed";

  private FrameEvents() {}

  /** The message for {@code event} of {@code processId}. */
  static String message(String event, String processId, boolean sdkFormat) {
    return sdkFormat ? event + "," + processId : event;
  }
}
