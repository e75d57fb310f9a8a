/** {@code /v1/flows}: tenant flows and their versions. */
package io.idforge.identity.web.rest.flows;
