package io.idforge.identity.api.spi;

/** The face engine failed to run (as opposed to finding no face): a system error, not a decline. */
public class FaceEngineException extends Exception {

  private static final long serialVersionUID = 1L;

  public FaceEngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
