/**
 * One handler per step type: it takes the step's input (photos, a selfie, a one-time code) into a
 * validation and runs the step's check, turning what it found into a
 * {@link io.idforge.identity.core.engine.CheckResult}. Handlers decide nothing about retries,
 * reviews or the next step: the engine does. Every channel (hosted pages, the Validations API)
 * submits through the same handlers.
 */
package io.idforge.identity.core.application.steps;
