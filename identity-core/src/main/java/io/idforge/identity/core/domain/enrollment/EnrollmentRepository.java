package io.idforge.identity.core.domain.enrollment;

import java.util.List;
import java.util.Optional;

/** Port for enrollments; tenant-scoped except for the upload link's lookup. */
public interface EnrollmentRepository {

  Optional<Enrollment> find(String clientId, String enrollmentId);

  /** An enrollment by its public id across tenants: for upload links only (the signature binds the tenant). */
  Optional<Enrollment> findById(String enrollmentId);

  /** An account's enrollments, newest first. */
  List<Enrollment> listByAccount(String clientId, String accountId, int limit);

  void store(Enrollment enrollment);
}
