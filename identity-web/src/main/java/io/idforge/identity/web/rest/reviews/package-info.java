/**
 * {@code /v1/reviews}: the manual review queue over REST (backend key), on {@code ReviewService};
 * the operator console will call the same service.
 */
package io.idforge.identity.web.rest.reviews;
