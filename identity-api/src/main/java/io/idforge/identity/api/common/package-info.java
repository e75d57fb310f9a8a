/**
 * Wire types and parsing helpers shared by every resource: the bare {@code {"message": "..."}}
 * answer, the strict form reader and the identifier, phone and email formats.
 */
package io.idforge.identity.api.common;
