/**
 * Wire contract of {@code /v1/hooks}: webhook endpoints (IdForge's own shape) and the delivery log
 * in Truora's {@code /v1/hooks/events} record shape.
 */
package io.idforge.identity.api.hooks;
