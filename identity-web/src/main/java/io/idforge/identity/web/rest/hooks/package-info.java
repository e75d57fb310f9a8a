/**
 * {@code /v1/hooks}: webhook endpoints and the delivery log (resources and their mapper). Web
 * layer: calls core services only, never persistence.
 */
package io.idforge.identity.web.rest.hooks;
