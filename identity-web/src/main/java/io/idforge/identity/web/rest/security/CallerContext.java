package io.idforge.identity.web.rest.security;

import io.idforge.identity.core.application.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set by {@link ApiKeyFilter}. */
@RequestScoped
public class CallerContext {

  private Caller caller;

  void set(Caller caller) {
    this.caller = caller;
  }

  /** The caller; the filter has rejected every request without one before a resource runs. */
  public Caller caller() {
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller on this request");
    }
    return caller;
  }
}
