/**
 * MicroProfile Health checks ({@code /health/ready}, {@code /health/live}): readiness of the
 * database and its schema, the face engine, OCR and the message gateways; liveness of the
 * application. Checks only read state (nothing is sent, no image is processed) and report public
 * facts only: no host names, user names or secrets. Web layer: the engines are reached through
 * their SPI ports, never through {@code identity-face} classes.
 */
package io.idforge.identity.web.health;
