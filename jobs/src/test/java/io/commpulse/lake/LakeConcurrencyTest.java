package io.commpulse.lake;

import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Jobs that write different rows of the same table at once, as the parallel ingests of the monthly
 * DAG do with bronze.quarantine: when the table does not exist yet, both create it in the same
 * moment.
 */
class LakeConcurrencyTest {
  private static final TableContract TABLE = SchemaCatalog.get().table("gold.mistransmission");

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
                            lake.replace(
                                TABLE,
                                frame(
                                    TABLE,
                                    List.of(
                                        rec(
                                            "month",
                                            "2026-10",
                                            "department",
                                            dept,
                                            "communications",
                                            10L,
                                            "flagged",
                                            1L,
                                            "target",
                                            0.05))),
                                "month = '2026-10' AND department = '" + dept + "'");
                          }))
              .toList();
      start.countDown();
      for (CompletableFuture<Void> writer : writers) {
        writer.get();
      }
      TreeSet<String> departments = new TreeSet<>();
      lake.readMonth(TABLE, "2026-10")
          .collectAsList()
          .forEach(r -> departments.add(r.getAs("department")));
      assertEquals(new TreeSet<>(List.of("OPS", "SALES")), departments, "attempt " + attempt);
    }
  }
}
