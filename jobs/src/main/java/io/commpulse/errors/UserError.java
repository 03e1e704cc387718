package io.commpulse.errors;

/**
 * A failure the user can fix (bad argument, missing input, violated contract): printed as one clear
 * line, without a stack trace.
 */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
