package io.idforge.identity.core.application.validations;

import io.idforge.identity.core.domain.validation.Validation;
import java.util.List;

/**
 * A validation as the Validations API answers it: the validation and, right after creation, the
 * upload links its input needs (none for one-time codes or when read back).
 */
public record ValidationView(Validation validation, List<UploadTicket> uploads) {

  public ValidationView {
    uploads = uploads == null ? List.of() : List.copyOf(uploads);
  }
}
