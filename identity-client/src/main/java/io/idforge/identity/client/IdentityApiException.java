package io.idforge.identity.client;

/**
 * An error answer of the identity service, from Truora's envelope {@code {"code","http_code",
 * "message"}} (plus {@code request_id} on 5xx answers, to quote to the operator). The bare bodies
 * Truora sends without an envelope (401 {@code {"message":"Unauthorized"}}, 403 {@code
 * {"message":"Missing Authentication Token"}}) arrive with {@link #code()} 0.
 */
public class IdentityApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final int httpCode;
  private final String requestId;

  public IdentityApiException(int code, int httpCode, String message, String requestId) {
    super(message);
    this.code = code;
    this.httpCode = httpCode;
    this.requestId = requestId;
  }

  /** Truora's code: 10400, 10403, 10404, 10409, 10422, 10500; 0 for the bare bodies. */
  public int code() {
    return code;
  }

  /** The HTTP status of the answer. */
  public int httpCode() {
    return httpCode;
  }

  /** The service's request id (5xx answers), else null. */
  public String requestId() {
    return requestId;
  }
}
