/**
 * The verification engine: the one owner of every transition of a process and its validations.
 * {@link io.idforge.identity.core.engine.ProcessEngine} applies the rules (retry, decline, review,
 * expiry, override) to a locked {@link io.idforge.identity.core.engine.ProcessRecord}; step checks
 * produce a {@link io.idforge.identity.core.engine.CheckResult} and never decide retries or reviews
 * themselves. The engine is plain Java with an injected clock: channels (hosted pages, the
 * Validations API, reviewers, timers) lock, dispatch and render around it.
 */
package io.idforge.identity.core.engine;
