/**
 * Application services ({@code @Stateless}, one transaction per call): keys and tokens, flows,
 * accounts, processes and their expiry. They take and return domain objects and small command
 * records; the wire DTOs live in identity-api and are mapped in identity-web.
 */
package io.idforge.identity.core.application;
