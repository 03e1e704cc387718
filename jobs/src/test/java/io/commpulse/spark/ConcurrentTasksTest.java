package io.commpulse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.testing.TestSpark;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class ConcurrentTasksTest {
  private static final SparkSession SPARK = TestSpark.session();

  @Test
  void tasksRunAtTheSameTimeEachInItsOwnPool() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    try (ConcurrentTasks tasks = new ConcurrentTasks(SPARK, 2)) {
      // Each waits for the other: they finish only if they run at the same time.
      CompletableFuture<String> a = tasks.submit("pool-a", () -> meetThenPool(bothStarted));
      CompletableFuture<String> b = tasks.submit("pool-b", () -> meetThenPool(bothStarted));
      tasks.awaitAll();
      assertEquals("pool-a", ConcurrentTasks.valueOf(a));
      assertEquals("pool-b", ConcurrentTasks.valueOf(b));
    }
    assertEquals(
        null,
        SPARK.sparkContext().getLocalProperty("spark.scheduler.pool"),
        "the caller's pool is untouched");
  }

  @Test
  void aDependentTaskStartsAfterItsInputsAndSeesTheirValues() {
    try (ConcurrentTasks tasks = new ConcurrentTasks(SPARK, 2)) {
      CompletableFuture<Integer> two = tasks.submit("two", () -> 2);
      CompletableFuture<Integer> three = tasks.submit("three", () -> 3);
      CompletableFuture<Integer> product =
          tasks.after(
              List.of(two, three),
              "product",
              () -> ConcurrentTasks.valueOf(two) * ConcurrentTasks.valueOf(three));
      tasks.awaitAll();
      assertEquals(6, ConcurrentTasks.valueOf(product));
    }
  }

  @Test
  void theFirstFailureIsRethrownAsThrownAndLaterTasksAreSkipped() {
    IllegalArgumentException boom = new IllegalArgumentException("bad source");
    AtomicBoolean dependentRan = new AtomicBoolean();
    AtomicBoolean queuedRan = new AtomicBoolean();
    ConcurrentTasks tasks = new ConcurrentTasks(SPARK, 1);
    CompletableFuture<Object> failing =
        tasks.submit(
            "failing",
            () -> {
              throw boom;
            });
    tasks.after(List.of(failing), "dependent", () -> dependentRan.getAndSet(true));
    tasks.submit("queued", () -> queuedRan.getAndSet(true));
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, tasks::awaitAll);
    tasks.close();
    assertSame(boom, thrown);
    assertFalse(dependentRan.get(), "a task whose input failed does not run");
    assertFalse(queuedRan.get(), "a task queued behind the failure is skipped");
    assertThrows(IllegalArgumentException.class, () -> ConcurrentTasks.valueOf(failing));
  }

  @Test
  void parallelismBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ConcurrentTasks(SPARK, 0));
  }

  private static String meetThenPool(CountDownLatch bothStarted) {
    bothStarted.countDown();
    try {
      assertTrue(bothStarted.await(30, TimeUnit.SECONDS), "the other task never started");
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return SPARK.sparkContext().getLocalProperty("spark.scheduler.pool");
  }
}
