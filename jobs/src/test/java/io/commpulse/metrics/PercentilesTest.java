package io.commpulse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.commpulse.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  private static final StructType GROUPED =
      new StructType()
          .add("g", DataTypes.StringType)
          .add("h", DataTypes.StringType)
          .add("v", DataTypes.DoubleType);

  private static Dataset<Row> rows(List<Row> rows) {
    return TestSpark.session().createDataFrame(rows, GROUPED);
  }

  @Test
  void handComputedGroupsIgnoringNulls() {
    Dataset<Row> data =
        rows(
            List.of(
                RowFactory.create("a", "x", 10.0),
                RowFactory.create("a", "x", 1.0),
                RowFactory.create("a", "x", null),
                RowFactory.create("a", "x", 3.0),
                RowFactory.create("a", "x", 2.0),
                RowFactory.create("b", "x", 5.0),
                RowFactory.create("c", "x", null)));
    List<Row> out =
        data.groupBy("g")
            .agg(
                Percentiles.exact(col("v"), 0.5, 0.9).as("q"), Percentiles.median(col("v")).as("m"))
            .orderBy("g")
            .collectAsList();
    // a: sorted 1, 2, 3, 10 -> median 2.5, 90th 3 + 0.7 x 7 = 7.9
    assertEquals(2.5, out.get(0).<Double>getList(1).get(0), 1e-12);
    assertEquals(7.9, out.get(0).<Double>getList(1).get(1), 1e-12);
    assertEquals(2.5, out.get(0).getDouble(2), 1e-12);
    // b: one value
    assertEquals(List.of(5.0, 5.0), out.get(1).getList(1));
    // c: only a null -> no percentile at all
    assertNull(out.get(2).get(1));
    assertNull(out.get(2).get(2));
  }

  @Test
  void equalToSparksPercentileToTheLastBitOverACube() {
    // Whole seconds in hours with many ties, as the SLA tables hold, in uneven groups.
    Random random = new Random(20261207);
    List<Row> data = new ArrayList<>();
    String[] gs = {"email", "phone", "chat"};
    String[] hs = {"p1", "p2", "p3", "p4"};
    for (int i = 0; i < 20_000; i++) {
      String g = gs[random.nextInt(gs.length)];
      String h = hs[random.nextInt(i % 7 == 0 ? 1 : hs.length)];
      Double v = random.nextInt(25) == 0 ? null : random.nextInt(200_000) / 3600.0;
      data.add(RowFactory.create(g, h, v));
    }
    List<Row> out =
        rows(data)
            .repartition(3)
            .cube(col("g"), col("h"))
            .agg(
                Percentiles.exact(col("v"), 0.5, 0.9, 0.999).as("ours"),
                expr("percentile(v, array(0.5, 0.9, 0.999))").as("spark"))
            .collectAsList();
    assertEquals(4 * 5, out.size());
    for (Row cell : out) {
      List<Double> ours = cell.getList(2);
      List<Double> spark = cell.getList(3);
      assertFalse(ours.isEmpty());
      for (int i = 0; i < spark.size(); i++) {
        assertEquals(
            Double.doubleToLongBits(spark.get(i)),
            Double.doubleToLongBits(ours.get(i)),
            cell.get(0) + "/" + cell.get(1) + " percentile " + i);
      }
    }
  }

  @Test
  void integerColumnsGiveDoublesLikeSparksPercentile() {
    Row out =
        TestSpark.session()
            .sql("SELECT * FROM VALUES (1), (2), (4), (7) AS t(days)")
            .agg(
                Percentiles.median(col("days")).as("ours"),
                expr("percentile(days, 0.5)").as("spark"))
            .first();
    assertEquals(3.0, out.getDouble(0), 0.0);
    assertEquals(out.getDouble(1), out.getDouble(0), 0.0);
  }

  @Test
  void aFractionOutsideTheUnitIntervalIsRefusedWhenTheColumnIsBuilt() {
    assertThrows(IllegalArgumentException.class, () -> Percentiles.exact(col("v"), 0.5, 90));
  }
}
