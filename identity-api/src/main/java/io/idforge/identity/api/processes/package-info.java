/**
 * Wire contract of {@code /v1/processes} ({@code api.identity.truora.com}): the process and
 * result answers with their validations and validation details, in Truora's shape.
 */
package io.idforge.identity.api.processes;
