package io.commpulse.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Runs independent pieces of one month's work (the ingests of different sources, tables whose
 * inputs are ready) at the same time in one Spark application. Much of a small table's cost is
 * driver-side Delta work (log replay, commit, checksum) during which the cores are idle; another
 * table's Spark jobs fill them. Each task gets its own fair-scheduler pool, so a large job does not
 * queue the small ones behind it.
 *
 * <p>When a task fails, tasks not yet started are skipped, those running finish (a Delta commit is
 * never interrupted), and the first failure is rethrown as it was thrown.
 */
public final class ConcurrentTasks implements AutoCloseable {
  /** The Spark local property that names a job's fair-scheduler pool. */
  private static final String POOL = "spark.scheduler.pool";

  private final SparkContext context;
  private final ExecutorService threads;
  private final List<CompletableFuture<?>> submitted = new ArrayList<>();
  private volatile boolean failed;

  public ConcurrentTasks(SparkSession spark, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    this.context = spark.sparkContext();
    AtomicInteger number = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            parallelism,
            task -> {
              Thread thread = new Thread(task, "commpulse-task-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Two tasks per core: while one waits on the driver, another computes. */
  public static int defaultParallelism() {
    return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** Starts {@code work} as soon as a thread is free; {@code name} names its scheduler pool. */
  public <T> CompletableFuture<T> submit(String name, Supplier<T> work) {
    CompletableFuture<T> future =
        CompletableFuture.supplyAsync(() -> runInPool(name, work), threads);
    synchronized (submitted) {
      submitted.add(future);
    }
    return future;
  }

  /** Starts {@code work} once every one of {@code inputs} has completed successfully. */
  public <T> CompletableFuture<T> after(
      List<? extends CompletableFuture<?>> inputs, String name, Supplier<T> work) {
    CompletableFuture<T> future =
        CompletableFuture.allOf(inputs.toArray(CompletableFuture[]::new))
            .thenApplyAsync(ignored -> runInPool(name, work), threads);
    synchronized (submitted) {
      submitted.add(future);
    }
    return future;
  }

  private <T> T runInPool(String name, Supplier<T> work) {
    if (failed) {
      throw new CancellationException("skipped after an earlier task failed");
    }
    context.setLocalProperty(POOL, name);
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      failed = true;
      throw e;
    } finally {
      context.setLocalProperty(POOL, null);
    }
  }

  /** The value of a completed task, or its failure rethrown as it was thrown. */
  public static <T> T valueOf(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a task", e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /** Waits for every task submitted so far; then rethrows the first failure, if any. */
  public void awaitAll() {
    List<CompletableFuture<?>> all;
    synchronized (submitted) {
      all = List.copyOf(submitted);
    }
    Throwable first = null;
    for (CompletableFuture<?> future : all) {
      try {
        future.join();
      } catch (CompletionException | CancellationException e) {
        Throwable cause =
            e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (first == null || first instanceof CancellationException) {
          first = cause;
        }
      }
    }
    if (first != null) {
      throw rethrow(first);
    }
  }

  private static RuntimeException rethrow(Throwable cause) {
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(cause);
  }

  /**
   * Skips the tasks not started yet and waits for those running: closed early (the submitting code
   * failed), it still never interrupts a task in the middle of a Delta commit.
   */
  @Override
  public void close() {
    failed = true;
    threads.shutdown();
    try {
      threads.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
