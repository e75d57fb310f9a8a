package io.idforge.identity.core.application.validations;

/**
 * What a signed upload link carries besides its validation: the attempt it is for (a retried
 * step gets new links), the side, the size cap and the expiry, and the signature over all of them. The web layer turns it into a URL.
 */
public record UploadTicket(
    String validationId, int attempt, UploadSide side, long maxBytes, long expiresEpochSecond, String signature) {}
