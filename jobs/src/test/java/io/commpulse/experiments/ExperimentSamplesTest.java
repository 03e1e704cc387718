package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.experiments.MetricSpec.Better;
import io.commpulse.testing.TestSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * {@link ExperimentSamples} on a handful of records whose exclusions and statistics are worked out
 * by hand; sample statistics are compared with the statistics core's own summaries of the same
 * values ({@link ContinuousSample#of}, {@link CupedSample#of}); winsorising caps are worked out by
 * hand.
 */
class ExperimentSamplesTest {

  private static final StructType SCHEMA =
      new StructType()
          .add("exp", DataTypes.StringType)
          .add("unit", DataTypes.StringType)
          .add("variant", DataTypes.StringType)
          .add("w", DataTypes.DoubleType)
          .add("t", DataTypes.LongType)
          .add("ok", DataTypes.BooleanType)
          .add("y", DataTypes.IntegerType)
          .add("h", DataTypes.DoubleType)
          .add("r", DataTypes.IntegerType)
          .add("x", DataTypes.DoubleType);

  private static Dataset<Row> records() {
    List<Row> rows =
        new ArrayList<>(
            Arrays.asList(
                // u1 twice in control: the record at t=1 is its first
                RowFactory.create("E", "u1", "control", 0.5, 2L, true, 0, 5.0, 2, 4.0),
                RowFactory.create("E", "u1", "control", 0.5, 1L, true, 1, 4.0, 3, 3.0),
                RowFactory.create("E", "u2", "control", 0.5, 3L, true, 0, 3.0, 4, 2.5),
                RowFactory.create("E", "u3", "treatment", 0.5, 4L, true, 1, 2.0, 5, 2.0),
                // u4 in both variants: excluded, and kept out of the percentile
                RowFactory.create("E", "u4", "control", 0.5, 5L, true, 1, 9.0, 1, 8.0),
                RowFactory.create("E", "u4", "treatment", 0.5, 6L, true, 1, 9.0, 1, 8.0),
                // u5 has an inconsistent record and a usable one; u6 only an inconsistent one
                RowFactory.create("E", "u5", "treatment", 0.5, 7L, false, 0, 7.0, 1, 1.0),
                RowFactory.create("E", "u5", "treatment", 0.5, 8L, true, 1, 1.5, 4, 1.0),
                RowFactory.create("E", "u6", "treatment", 0.5, 9L, false, 1, 1.0, 5, 1.0),
                // incomplete records
                RowFactory.create("E", null, "control", 0.5, 10L, true, 1, 1.0, 5, 1.0),
                RowFactory.create("E", "u7", null, 0.5, 11L, true, 1, 1.0, 5, 1.0),
                // u8 has no binary or ordinal value and no covariate
                RowFactory.create("E", "u8", "treatment", 0.5, 12L, true, null, 2.5, null, null),
                // experiment F: variant B states two different weights
                RowFactory.create("F", "u1", "A", 0.3, 1L, true, 1, 1.0, 1, 1.0),
                RowFactory.create("F", "u2", "B", 0.7, 2L, true, 0, 2.0, 2, 2.0),
                RowFactory.create("F", "u3", "B", 0.6, 3L, true, 0, 3.0, 3, 3.0)));
    return TestSpark.session().createDataFrame(rows, SCHEMA);
  }

  private static final RecordLayout LAYOUT =
      new RecordLayout(col("exp"), col("unit"), col("variant"), col("w"), col("t"), col("ok"));

  private static List<MetricColumn> metrics(Double capOfH) {
    MetricColumn h =
        MetricColumn.typed(new MetricSpec("h", MetricKind.CONTINUOUS, Better.LOWER), col("h"));
    return List.of(
        MetricColumn.typed(new MetricSpec("y", MetricKind.BINARY), col("y")),
        capOfH == null ? h : h.winsorisedAt(capOfH),
        MetricColumn.typed(new MetricSpec("r", MetricKind.ORDINAL), col("r")),
        MetricColumn.typed(new MetricSpec("h_adjusted", MetricKind.CONTINUOUS), col("h"))
            .withCovariate(MetricColumn.Covariate.typed("x", col("x"))));
  }

  @Test
  void countsExclusionsAndKeepsEachUnitsFirstRecord() {
    List<ExperimentSummary> summaries =
        ExperimentSamples.summarise(records(), LAYOUT, metrics(null));
    assertEquals(
        List.of("E", "F"), summaries.stream().map(ExperimentSummary::experimentId).toList());
    ExperimentSummary e = summaries.get(0);
    assertEquals(new Exclusions(2, 2, 1, 1, 1), e.exclusions());
    assertEquals(Map.of("control", 2L, "treatment", 3L), e.unitsPerVariant());
    assertEquals(Map.of("control", 0.5, "treatment", 0.5), e.configuredSplit().orElseThrow());

    Map<String, MetricSample> y = e.samples().get("y");
    assertEquals(
        new BinarySample(2, 1), y.get("control"), "u1 counts with its first record (y = 1)");
    assertEquals(new BinarySample(2, 2), y.get("treatment"), "u8 has no value");

    assertContinuous(
        ContinuousSample.of(new double[] {4.0, 3.0}), e.samples().get("h").get("control"));
    assertContinuous(
        ContinuousSample.of(new double[] {2.0, 1.5, 2.5}), e.samples().get("h").get("treatment"));

    Map<String, MetricSample> r = e.samples().get("r");
    assertEquals(new OrdinalSample(new TreeMap<>(Map.of(3, 1L, 4, 1L))), r.get("control"));
    assertEquals(new OrdinalSample(new TreeMap<>(Map.of(4, 1L, 5, 1L))), r.get("treatment"));

    Map<String, MetricSample> adjusted = e.samples().get("h_adjusted");
    assertEquals(
        CupedSample.of(new double[] {4.0, 3.0}, new double[] {3.0, 2.5}), adjusted.get("control"));
    assertEquals(
        CupedSample.of(new double[] {2.0, 1.5}, new double[] {2.0, 1.0}),
        adjusted.get("treatment"),
        "u8 has no covariate");

    assertEquals(0, e.unreadable().values().stream().mapToLong(UnreadableValues::count).sum());
    assertTrue(e.caps().isEmpty());

    ExperimentSummary f = summaries.get(1);
    assertEquals(Exclusions.NONE, f.exclusions());
    assertEquals(Map.of("A", 0.3), f.splitWeights(), "B states 0.6 and 0.7");
    assertTrue(f.configuredSplit().isEmpty());
  }

  @Test
  void winsorisesAtThePooledPercentileOfAnalysedUnits() {
    List<ExperimentSummary> summaries =
        ExperimentSamples.summarise(records(), LAYOUT, metrics(0.5));
    ExperimentSummary e = summaries.get(0);
    // analysed values of E: 4.0 and 3.0 (control), 2.0, 1.5 and 2.5 (treatment); u4's 9.0 is
    // excluded.
    // Sorted 1.5, 2.0, 2.5, 3.0, 4.0: the 50th percentile sits at position (5 - 1) * 0.5 = 2, so
    // the cap is 2.5,
    // and 4.0 and 3.0 become 2.5.
    rel(2.5, e.caps().get("h"), "cap of E");
    assertContinuous(
        ContinuousSample.of(new double[] {2.5, 2.5}), e.samples().get("h").get("control"));
    assertContinuous(
        ContinuousSample.of(new double[] {2.0, 1.5, 2.5}), e.samples().get("h").get("treatment"));
    assertEquals(
        CupedSample.of(new double[] {4.0, 3.0}, new double[] {3.0, 2.5}),
        e.samples().get("h_adjusted").get("control"),
        "other metrics are not capped");
    // F: 1.0, 2.0, 3.0; the 50th percentile sits at position (3 - 1) * 0.5 = 1
    rel(2.0, summaries.get(1).caps().get("h"), "cap of F");
  }

  @Test
  void perUnitRowsCarryTheFirstRecordAndTheCounters() {
    List<Row> units =
        ExperimentSamples.units(records(), LAYOUT, metrics(null))
            .where(col("experiment_id").equalTo("E"))
            .orderBy(col("unit").asc_nulls_first())
            .collectAsList();
    assertEquals(9, units.size(), "u1..u8 and the records without a unit");
    Row noUnit = units.get(0);
    assertNull(noUnit.getAs("unit"));
    assertEquals(0L, (long) noUnit.getAs("records"));
    assertEquals(1L, (long) noUnit.getAs("incomplete_records"));
    Row u1 = units.get(1);
    assertEquals("control", u1.getAs("variant"));
    assertEquals(2L, (long) u1.getAs("records"));
    assertEquals(4.0, (double) u1.getAs(ExperimentSamples.v(1)));
    Row u4 = units.get(4);
    assertNull(u4.getAs("variant"), "u4 is in two variants");
    Row u6 = units.get(6);
    assertEquals(0L, (long) u6.getAs("records"));
    assertEquals(1L, (long) u6.getAs("inconsistent_records"));
    Row u7 = units.get(7);
    assertEquals(1L, (long) u7.getAs("incomplete_records"));
  }

  @Test
  void textValuesAreParsedOrReportedAsUnreadable() {
    Dataset<Row> text =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    RowFactory.create("u1", "A", "True", " 12.5 ", "4"),
                    RowFactory.create("u2", "A", "false", "1e3", "4.0"),
                    RowFactory.create("u3", "A", "1", "NaN", "2.5"),
                    RowFactory.create("u4", "B", "0.0", "", "NA"),
                    RowFactory.create("u5", "B", "yes", "abc", "five"),
                    RowFactory.create("u6", "B", null, "Infinity", "3")),
                new StructType()
                    .add("unit", DataTypes.StringType)
                    .add("variant", DataTypes.StringType)
                    .add("flag", DataTypes.StringType)
                    .add("amount", DataTypes.StringType)
                    .add("level", DataTypes.StringType));
    MetricColumn flag =
        TextMetricValues.metric(new MetricSpec("flag", MetricKind.BINARY), col("flag"));
    MetricColumn amount =
        TextMetricValues.metric(new MetricSpec("amount", MetricKind.CONTINUOUS), col("amount"));
    MetricColumn level =
        TextMetricValues.metric(new MetricSpec("level", MetricKind.ORDINAL), col("level"));
    List<Row> parsed =
        text.select(
                flag.value(),
                flag.unreadable(),
                amount.value(),
                amount.unreadable(),
                level.value(),
                level.unreadable())
            .collectAsList();
    assertEquals(Arrays.asList(1, null, 12.5, null, 4, null), values(parsed.get(0)));
    assertEquals(Arrays.asList(0, null, 1000.0, null, 4, null), values(parsed.get(1)));
    assertEquals(
        Arrays.asList(1, null, null, null, null, "2.5"), values(parsed.get(2)), "NaN is missing");
    assertEquals(Arrays.asList(0, null, null, null, null, null), values(parsed.get(3)));
    assertEquals(Arrays.asList(null, "yes", null, "abc", null, "five"), values(parsed.get(4)));
    assertEquals(Arrays.asList(null, null, null, "Infinity", 3, null), values(parsed.get(5)));

    ExperimentSummary s =
        ExperimentSamples.summarise(
                text,
                RecordLayout.singleExperiment("text", col("unit"), col("variant")),
                List.of(flag, amount, level))
            .get(0);
    assertEquals(new UnreadableValues(1, "yes"), s.unreadable().get("flag"));
    assertEquals(new UnreadableValues(2, "Infinity"), s.unreadable().get("amount"));
    assertEquals(new UnreadableValues(2, "2.5"), s.unreadable().get("level"));
  }

  private static List<Object> values(Row row) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      out.add(row.get(i));
    }
    return out;
  }

  private static void assertContinuous(ContinuousSample expected, MetricSample actual) {
    ContinuousSample c = (ContinuousSample) actual;
    assertEquals(expected.n(), c.n());
    rel(expected.mean(), c.mean(), "mean");
    rel(expected.variance(), c.variance(), "variance");
  }
}
