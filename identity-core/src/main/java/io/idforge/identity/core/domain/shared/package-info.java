/**
 * Pieces every aggregate shares: public id generation, the exception hierarchy carrying Truora
 * error codes, and cursor paging. Depends only on identity-api's error codes.
 */
package io.idforge.identity.core.domain.shared;
