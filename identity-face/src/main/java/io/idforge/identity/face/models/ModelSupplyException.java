package io.idforge.identity.face.models;

/** The model supply cannot deliver verified inputs or outputs; the message says what to do. */
public class ModelSupplyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelSupplyException(String message) {
    super(message);
  }

  public ModelSupplyException(String message, Throwable cause) {
    super(message, cause);
  }
}
