/**
 * The JAX-RS API under {@code /v1}: one resource package per wire area ({@code apikeys},
 * {@code flows}, {@code accounts}, {@code processes}), each with a mapper from domain objects to
 * identity-api DTOs. Resources call application services only.
 */
package io.idforge.identity.web.rest;
