/**
 * Wire contract of our flow CRUD ({@code /v1/flows}, JSON bodies): requests with their validation
 * and unknown-field check, and the flow answers with defaults filled in.
 */
package io.idforge.identity.api.flows;
