package io.idforge.identity.core.application;

/** A freshly created key: its public id and the token, which is shown once and never stored. */
public record IssuedKey(String keyId, String token) {}
