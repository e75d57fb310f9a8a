package io.idforge.identity.core.application.steps;

/**
 * A one-time-code send limit refused a send for a tenant ({@code limit}: per_destination,
 * per_process or per_tenant): fired so metrics and alarms can count it. Carries no destination.
 */
public record OtpLimitTripped(String clientId, String limit) {}
