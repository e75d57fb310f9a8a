/**
 * The hosted verification flow an end user completes on a phone: the process URL
 * {@code <base>/?token=...} ({@link io.idforge.identity.web.hosted.HostedEntryServlet}), then one
 * Faces page, {@code flow.xhtml}, backed by {@link io.idforge.identity.web.hosted.HostedFlowBacking},
 * which renders the step the process is on and turns each form into one call of the flow engine.
 * Texts in es (default), pt and en: the {@code messages} bundle. Nothing is kept on the server
 * between requests (no HTTP session, stateless Faces views): what a browser's pages remember is
 * {@link io.idforge.identity.web.hosted.HostedState}, sealed in a cookie any node can open
 * ({@link io.idforge.identity.web.hosted.HostedStateCookie}), so a load balancer need not be sticky.
 */
package io.idforge.identity.web.hosted;
