package io.idforge.identity.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The Truora-compatible REST API under {@code /v1}. */
@ApplicationPath("v1")
public class RestApplication extends Application {}
