package io.commpulse.lake;

import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.rec;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * Jobs that write different rows of the same table at once, as the parallel ingests of the monthly
 * DAG do with bronze.quarantine: when the table does not exist yet, both create it in the same
 * moment, and when it does, the commit of one lands while the other is writing.
 */
class LakeConcurrencyTest {
  private static final TableContract TABLE = SchemaCatalog.get().table("gold.mistransmission");

  private static final String MONTH = "2026-10";
  // Held open by the writer's Spark task (a thread of this JVM in local mode) until the other
  // commit has landed.
  private static volatile CountDownLatch writing;
  private static volatile CountDownLatch otherCommitted;

  private static Dataset<Row> row(String department) {
    return frame(
        TABLE,
        List.of(
            rec(
                "month",
                MONTH,
                "department",
                department,
                "communications",
                10L,
                "flagged",
                1L,
                "target",
                0.05)));
  }

  private static String own(String department) {
    return "month = '" + MONTH + "' AND department = '" + department + "'";
  }

  /**
   * Starts {@code write} of SALES's rows on a table holding OPS's month; while its Spark job runs,
   * another process's commit (HR's rows, written to Delta past this process's write lock) lands in
   * the same month partition. Returns the write, under way.
   */
  private static CompletableFuture<Void> writeWhileAnotherRunCommits(
      Lake lake, BiConsumer<Dataset<Row>, String> write) throws Exception {
    lake.replace(TABLE, row("OPS"), own("OPS"));
    writing = new CountDownLatch(1);
    otherCommitted = new CountDownLatch(1);
    UDF1<String, String> held =
        department -> {
          writing.countDown();
          otherCommitted.await(2, TimeUnit.MINUTES);
          return department;
        };
    Dataset<Row> sales =
        row("SALES")
            .withColumn(
                "department",
                udf(held, DataTypes.StringType).asNondeterministic().apply(col("department")));
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write.accept(sales, "SALES"));
    assertTrue(writing.await(2, TimeUnit.MINUTES), "the write's job did not start");
    Lake.conform(TABLE, row("HR")).write().format("delta").mode("append").save(lake.path(TABLE));
    otherCommitted.countDown();
    return writer;
  }

  private static Set<String> departments(Lake lake) {
    TreeSet<String> departments = new TreeSet<>();
    lake.readMonth(TABLE, MONTH)
        .collectAsList()
        .forEach(r -> departments.add(r.getAs("department")));
    return departments;
  }

  @Test
  void aWriterOfItsOwnRowsWritesAgainAfterAnotherRunsCommitInTheSamePartition() throws Exception {
    Lake lake = new Lake(TestSpark.session(), TestSpark.tempDir("lake-own-rows").toString());
    int[] attempts = new int[1];
    writeWhileAnotherRunCommits(
            lake, (rows, dept) -> attempts[0] = lake.replaceOwnRows(TABLE, rows, own(dept)))
        .get();
    assertEquals(2, attempts[0], "the refused attempt and the one that landed");
    assertEquals(Set.of("HR", "OPS", "SALES"), departments(lake));
    // Version 0 holds OPS, 1 the other run's HR; the refused first attempt committed nothing.
    assertEquals(2, lake.version(TABLE), "one commit of the writer after the other run's");
  }

  @Test
  void aPlainReplaceRefusesToCommitOverAnotherRunsCommit() throws Exception {
    Lake lake = new Lake(TestSpark.session(), TestSpark.tempDir("lake-plain").toString());
    CompletableFuture<Void> writer =
        writeWhileAnotherRunCommits(lake, (rows, dept) -> lake.replace(TABLE, rows, own(dept)));
    ExecutionException failed = assertThrows(ExecutionException.class, writer::get);
    assertInstanceOf(ConcurrentRunException.class, failed.getCause());
    assertEquals(Set.of("HR", "OPS"), departments(lake), "nothing of the refused write is visible");
  }

  @Test
  void twoWritersOfDifferentRowsIntoANewTableBothLand() throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) {
      Lake lake = new Lake(TestSpark.session(), TestSpark.tempDir("lake-race").toString());
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Void>> writers =
          List.of("SALES", "OPS").stream()
              .map(
                  dept ->
                      CompletableFuture.runAsync(
                          () -> {
                            try {
                              start.await();
                            } catch (InterruptedException e) {
                              throw new IllegalStateException(e);
                            }
                            lake.replace(TABLE, row(dept), own(dept));
                          }))
              .toList();
      start.countDown();
      for (CompletableFuture<Void> writer : writers) {
        writer.get();
      }
      assertEquals(Set.of("OPS", "SALES"), departments(lake), "attempt " + attempt);
    }
  }
}
