/**
 * The hosted verification flow an end user completes on a phone: the process URL
 * {@code <base>/?token=...} ({@link io.idforge.identity.web.hosted.HostedEntryServlet}), then one
 * Faces page, {@code flow.xhtml}, backed by {@link io.idforge.identity.web.hosted.HostedFlowBacking},
 * which renders the step the process is on and turns each form into one call of the flow engine.
 * Texts in es (default), pt and en: the {@code messages} bundle.
 */
package io.idforge.identity.web.hosted;
