package io.commpulse.lake;

import io.commpulse.errors.UserError;

/** A job needs a table that no earlier stage has written yet. */
public final class MissingTableException extends UserError {
  public MissingTableException(String table, String path) {
    super(
        "table "
            + table
            + " does not exist yet at "
            + path
            + " (run the stage that writes it first, e.g. `commpulse run`)");
  }
}
