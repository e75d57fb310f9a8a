/** Validations ({@code VLD…}): one run of a validator inside a process. */
package io.idforge.identity.core.domain.validation;
