/**
 * Wire contract of Truora's validators API for custom front ends: the {@code POST /v1/validations}
 * and {@code POST /v1/enrollments} forms, the validation's {@code instructions} (signed upload
 * links), an account's validation history and enrollments.
 */
package io.idforge.identity.api.validations;
