package io.idforge.identity.core.application;

/**
 * A validation's check must run for attempt {@code attempt}: fired inside the transaction that
 * submitted the input, observed after it commits ({@link CheckRunner}).
 */
public record CheckRequested(String validationId, int attempt) {}
