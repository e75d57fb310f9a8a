/**
 * Strict reading of what a caller sends to {@code /v1} before any resource sees it: query strings,
 * form bodies, JSON bodies and their {@code Content-Type}. One rule set for every endpoint, so a
 * malformed request is a 400 in Truora's envelope naming the field and writes nothing, instead of
 * reaching the database (a NUL byte is a 500 on PostgreSQL) or being silently reinterpreted (the
 * first of two {@code start_date}s winning, the last of two JSON keys winning).
 *
 * <p>Layer rule: web only; uses identity-api's {@code InvalidInputException} and nothing from
 * core.
 */
package io.idforge.identity.web.rest.input;
