package io.idforge.identity.core.domain.audit;

/**
 * What an operator action appends to the trail.
 *
 * @param actor the console user name (or the name tried, for failed sign-ins)
 * @param clientId the tenant concerned, null for operator-wide actions
 * @param sourceIp the caller's address
 * @param action a stable name such as {@code sign_in}, {@code image_view}, {@code review_decided}
 * @param target the public id acted on
 * @param summary before/after in a few words, never personal data
 */
public record AuditRecord(String actor, String clientId, String sourceIp, String action, String target, String summary) {}
