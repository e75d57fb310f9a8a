/**
 * {@code /v1/validations} and the upload links: Truora's validators API for custom front ends, on
 * the same engine and step handlers as the hosted flow.
 */
package io.idforge.identity.web.rest.validations;
