package io.commpulse.lake;

import io.commpulse.errors.UserError;

/**
 * Another run committed to the same table while this one was writing it. Delta's optimistic
 * concurrency rejected this run's commit, so none of its rows are visible; running the command
 * again (after the other run) is safe because every write replaces its month.
 */
public final class ConcurrentRunException extends UserError {
  public ConcurrentRunException(String table, Throwable conflict) {
    super(
        "another run changed table "
            + table
            + " while this run was writing it ("
            + conflict.getClass().getSimpleName()
            + "); this run's write was not committed. Rerun the command",
        conflict);
  }
}
