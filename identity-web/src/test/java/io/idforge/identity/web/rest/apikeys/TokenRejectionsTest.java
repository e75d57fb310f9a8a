package io.idforge.identity.web.rest.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.api.error.InvalidInputException;
import io.idforge.identity.core.domain.shared.ForbiddenException;
import io.idforge.identity.core.domain.shared.InvalidRequestException;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

/** The reason tag of a refused token request is a closed set: the error family, or error. */
class TokenRejectionsTest {

  @Test
  void familiesOfTheAnswer() {
    assertEquals("invalid_request", TokenRejections.reason(new InvalidInputException("grant", "grant is required")));
    assertEquals("invalid_request", TokenRejections.reason(new InvalidRequestException("Invalid request: flow_id")));
    assertEquals("forbidden", TokenRejections.reason(new ForbiddenException("Forbidden: web token")));
    EJBException wrapped = new EJBException("wrapped");
    wrapped.initCause(new ForbiddenException("Forbidden"));
    assertEquals("forbidden", TokenRejections.reason(wrapped));
    assertEquals("error", TokenRejections.reason(new IllegalStateException("user-chosen text never becomes a tag")));
  }
}
