/**
 * Wire contract of {@code /v1/reviews}: the manual review queue as reviewers and the operator
 * console read it, and the decision and claim answers. Truora documents no public review API, so
 * the shape follows Truora's conventions (snake_case, {@code next}/{@code self} cursor links,
 * ISO-8601 dates) and its vocabulary ({@code declined_reason}, validation types).
 */
package io.idforge.identity.api.reviews;
