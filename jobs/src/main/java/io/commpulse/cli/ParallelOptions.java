package io.commpulse.cli;

import io.commpulse.errors.UserError;
import io.commpulse.spark.ConcurrentTasks;
import picocli.CommandLine.Option;

/** How much of a month's independent work a job runs at the same time. */
public final class ParallelOptions {
  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description =
          "Sources or tables built at the same time, in one Spark application (1 = one after another)."
              + " Default: two per core.")
  Integer parallelism;

  public int parallelism() {
    if (parallelism == null) {
      return ConcurrentTasks.defaultParallelism();
    }
    if (parallelism < 1) {
      throw new UserError("--parallelism must be at least 1, was " + parallelism);
    }
    return parallelism;
  }
}
