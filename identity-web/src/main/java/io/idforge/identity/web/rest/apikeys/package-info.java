/** {@code /v1/api-keys}: web integration tokens and backend keys. */
package io.idforge.identity.web.rest.apikeys;
