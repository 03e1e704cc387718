package io.commpulse.lake;

import static io.commpulse.testing.Frames.frame;
import static io.commpulse.testing.Frames.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A lake written before a contract gained a column: the next month's write adds it, earlier months
 * read null.
 */
class LakeSchemaEvolutionTest {
  private static final TableContract TABLE = SchemaCatalog.get().table("gold.social_response");

  @Test
  void aColumnAddedToTheContractIsAddedByTheNextWrite() {
    Lake lake = new Lake(TestSpark.session(), TestSpark.tempDir("lake-evolution").toString());
    Dataset<Row> september =
        Lake.conform(
            TABLE,
            frame(
                TABLE,
                List.of(
                    rec(
                        "month",
                        "2026-09",
                        "platform",
                        "ALL",
                        "inbound",
                        10L,
                        "replied",
                        9L,
                        "replied_24h",
                        8L,
                        "negative_inbound",
                        2L))));
    // The table as an older version wrote it: without target and status.
    september
        .drop("target", "status")
        .write()
        .format("delta")
        .partitionBy("month")
        .save(lake.path(TABLE));

    lake.replaceMonth(
        TABLE,
        frame(
            TABLE,
            List.of(
                rec(
                    "month",
                    "2026-10",
                    "platform",
                    "ALL",
                    "inbound",
                    4L,
                    "replied",
                    4L,
                    "replied_24h",
                    4L,
                    "negative_inbound",
                    0L,
                    "target",
                    1.0,
                    "status",
                    "met"))),
        "2026-10");

    List<String> columns = Arrays.asList(lake.read(TABLE).columns());
    assertEquals(
        TABLE.columns().size(), columns.size(), "every contract column exists: " + columns);
    Row october = lake.readMonth(TABLE, "2026-10").collectAsList().get(0);
    assertEquals("met", october.getAs("status"));
    assertEquals(1.0, (Double) october.getAs("target"));
    Row earlier = lake.readMonth(TABLE, "2026-09").collectAsList().get(0);
    assertNull(earlier.getAs("status"), "a month written before the column existed");
    assertEquals(8L, (Long) earlier.getAs("replied_24h"), "and keeps its figures");
  }
}
