package io.idforge.identity.core.application.console;

/** A one-time link's token (shown once; only its digest is stored) and the user it is for. */
public record SetupLink(String username, String token) {}
