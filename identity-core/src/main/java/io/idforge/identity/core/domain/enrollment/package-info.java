/**
 * Enrollments of the Validations API: what an account registers before it is validated (a face
 * reference photo, the phone or e-mail its codes go to).
 */
package io.idforge.identity.core.domain.enrollment;
