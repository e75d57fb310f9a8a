/**
 * The Validations API's channel on the engine (Truora's validators API for custom front ends):
 * creating a validation standalone (backend key) or on the current step of a web token's process,
 * signed single-use upload links, the uploads themselves, one-time codes, polling with
 * expiry-on-read. Inputs go through the same step handlers as the hosted pages, so the limits,
 * retries and declined reasons are the same.
 */
package io.idforge.identity.core.application.validations;
