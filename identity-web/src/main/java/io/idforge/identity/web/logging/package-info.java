/**
 * Request correlation and log lines: every request gets a request id ({@code X-Request-Id},
 * accepted when well-formed, else generated), echoed in the answer and written into each log line
 * of the application's loggers, as plain text or JSON ({@code identity.log.format}). Web layer
 * only; core and the adapters log through {@code java.util.logging} as before.
 */
package io.idforge.identity.web.logging;
