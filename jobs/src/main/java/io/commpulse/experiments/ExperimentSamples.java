package io.commpulse.experiments;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_samp;
import static org.apache.spark.sql.functions.when;

import io.commpulse.metrics.Cells;
import io.commpulse.metrics.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Turns assignment records into per-variant sufficient statistics, so that the statistics core
 * never sees a unit-level array. The plan, for any number of experiments at once:
 *
 * <ol>
 *   <li>{@link #units}: one row per experiment × unit (the only shuffle of unit-level data): how
 *       many usable, incomplete and inconsistent records the unit has, its variant when it has
 *       exactly one, and the metric values of its earliest usable record;
 *   <li>{@link #caps}, only when a metric is winsorised: the exact percentile of each such metric
 *       per experiment, pooled over variants (interpolating linearly between order statistics like
 *       numpy's default);
 *   <li>{@link #statistics}: one row per experiment × variant, every metric's sufficient statistics
 *       in a single aggregation; the row with a null variant holds the excluded units;
 *   <li>{@link #summaries}: those rows, collected, as one {@link ExperimentSummary} per experiment;
 *   <li>{@link #unreadableExamples}, only when some value could not be read: an example of each
 *       such column.
 * </ol>
 *
 * {@link #summarise} runs the whole plan.
 */
public final class ExperimentSamples {

  static final String EXPERIMENT = "experiment_id";
  static final String UNIT = "unit";
  static final String VARIANT = "variant";
  static final String RECORDS = "records";
  static final String INCOMPLETE = "incomplete_records";
  static final String INCONSISTENT = "inconsistent_records";
  static final String WEIGHT_MIN = "weight_min";
  static final String WEIGHT_MAX = "weight_max";
  static final String UNITS = "units";
  static final String DUPLICATE_UNITS = "duplicate_units";
  static final String DUPLICATE_RECORDS = "duplicate_records";

  private ExperimentSamples() {}

  /** Runs the plan and collects one summary per experiment, ordered by experiment id. */
  public static List<ExperimentSummary> summarise(
      Dataset<Row> records, RecordLayout layout, List<MetricColumn> metrics) {
    Dataset<Row> units = units(records, layout, metrics);
    List<ExperimentSummary> summaries;
    if (metrics.stream().noneMatch(m -> m.capQuantile() != null)) {
      summaries = summaries(statistics(units, metrics, null).collectAsList(), metrics);
    } else {
      // The percentile pass and the statistics pass both read the units: compute them once.
      units = units.persist(StorageLevel.MEMORY_AND_DISK());
      try {
        summaries =
            summaries(statistics(units, metrics, caps(units, metrics)).collectAsList(), metrics);
      } finally {
        units.unpersist();
      }
    }
    if (summaries.stream().noneMatch(ExperimentSummary::hasUnreadableValues)) {
      return summaries;
    }
    Map<String, Row> examples = new TreeMap<>();
    unreadableExamples(records, layout, metrics)
        .collectAsList()
        .forEach(r -> examples.put(r.getAs(EXPERIMENT), r));
    return summaries.stream().map(s -> withExamples(s, examples.get(s.experimentId()))).toList();
  }

  /**
   * Per experiment, the smallest unreadable text of every metric and covariate column, {@code
   * example_<column>}. A separate pass that only runs when something was unreadable, so that the
   * main aggregations keep no strings (string buffers would force Spark to sort instead of hash).
   */
  public static Dataset<Row> unreadableExamples(
      Dataset<Row> records, RecordLayout layout, List<MetricColumn> metrics) {
    Map<String, Column> texts = new LinkedHashMap<>();
    for (MetricColumn m : metrics) {
      texts.putIfAbsent(m.name(), m.unreadable());
      if (m.covariate() != null) {
        texts.putIfAbsent(m.covariate().name(), m.covariate().unreadable());
      }
    }
    List<Column> examples = new ArrayList<>();
    texts.forEach((name, text) -> examples.add(min(text.cast("string")).as(example(name))));
    return records
        .groupBy(layout.experimentId().cast("string").as(EXPERIMENT))
        .agg(examples.get(0), examples.subList(1, examples.size()).toArray(Column[]::new));
  }

  private static ExperimentSummary withExamples(ExperimentSummary s, Row examples) {
    Map<String, UnreadableValues> unreadable = new LinkedHashMap<>();
    s.unreadable()
        .forEach(
            (column, u) ->
                unreadable.put(
                    column,
                    u.count() == 0 || examples == null
                        ? u
                        : new UnreadableValues(u.count(), examples.getAs(example(column)))));
    return new ExperimentSummary(
        s.experimentId(),
        s.unitsPerVariant(),
        s.splitWeights(),
        s.samples(),
        s.exclusions(),
        s.caps(),
        unreadable);
  }

  /**
   * One row per experiment × unit: {@code experiment_id, unit, variant} (null unless the unit's
   * usable records all name the same variant), {@code records} (usable), {@code
   * incomplete_records}, {@code inconsistent_records}, {@code weight_min}, {@code weight_max}, and
   * per metric i the earliest usable record's value {@code v<i>}, covariate {@code x<i>} (CUPED
   * metrics) and the unreadable counts {@code bad<i>} (value) and {@code badx<i>} (covariate) over
   * all the unit's records. Records without a unit form one group per experiment.
   */
  public static Dataset<Row> units(
      Dataset<Row> records, RecordLayout layout, List<MetricColumn> metrics) {
    Column complete = layout.unit().isNotNull().and(layout.variant().isNotNull());
    Column usable = complete.and(coalesce(layout.consistent(), lit(false)));
    List<Column> fields =
        new ArrayList<>(
            List.of(
                layout.experimentId().cast("string").as(EXPERIMENT),
                layout.unit().cast("string").as(UNIT),
                layout.variant().cast("string").as(VARIANT),
                layout.splitWeight().cast("double").as("weight"),
                when(usable, layout.order().cast("long")).as("order"),
                complete.as("complete"),
                usable.as("usable")));
    for (int i = 0; i < metrics.size(); i++) {
      MetricColumn m = metrics.get(i);
      fields.add(m.value().cast(valueType(m.spec().kind())).as(v(i)));
      if (m.covariate() != null) {
        fields.add(m.covariate().values().cast("double").as(x(i)));
        fields.add(m.covariate().unreadable().cast("string").as(badX(i)));
      }
      fields.add(m.unreadable().cast("string").as(bad(i)));
    }

    Column isUsable = col("usable");
    List<Column> aggregates =
        new ArrayList<>(
            List.of(
                count_if(isUsable).as(RECORDS),
                count_if(not(col("complete"))).as(INCOMPLETE),
                count_if(col("complete").and(not(isUsable))).as(INCONSISTENT),
                min(when(isUsable, col(VARIANT))).as("variant_min"),
                max(when(isUsable, col(VARIANT))).as("variant_max"),
                min(when(isUsable, col("weight"))).as(WEIGHT_MIN),
                max(when(isUsable, col("weight"))).as(WEIGHT_MAX)));
    for (int i = 0; i < metrics.size(); i++) {
      // min_by skips rows whose ordering is null, i.e. the unusable records
      aggregates.add(min_by(col(v(i)), col("order")).as(v(i)));
      if (metrics.get(i).covariate() != null) {
        aggregates.add(min_by(col(x(i)), col("order")).as(x(i)));
        aggregates.add(count(col(badX(i))).as(badX(i)));
      }
      aggregates.add(count(col(bad(i))).as(bad(i)));
    }
    // Partitioning by unit before grouping lets the aggregation sort the rows once, after the
    // shuffle: nearly
    // every unit is unique, so a map-side partial aggregation would sort them for nothing.
    Dataset<Row> perUnit =
        records
            .select(fields.toArray(Column[]::new))
            .repartition(col(EXPERIMENT), col(UNIT))
            .groupBy(col(EXPERIMENT), col(UNIT))
            .agg(
                aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));

    Column single = col(RECORDS).gt(0).and(col("variant_min").equalTo(col("variant_max")));
    List<Column> out =
        new ArrayList<>(
            List.of(
                col(EXPERIMENT),
                col(UNIT),
                when(single, col("variant_min")).as(VARIANT),
                col(RECORDS),
                col(INCOMPLETE),
                col(INCONSISTENT),
                col(WEIGHT_MIN),
                col(WEIGHT_MAX)));
    for (int i = 0; i < metrics.size(); i++) {
      out.add(col(v(i)));
      if (metrics.get(i).covariate() != null) {
        out.add(col(x(i)));
        out.add(col(badX(i)));
      }
      out.add(col(bad(i)));
    }
    return perUnit.select(out.toArray(Column[]::new));
  }

  /**
   * Per experiment, {@code cap<i>}: the q-th quantile of metric i over the analysed units of all
   * variants, for every winsorised metric. Exact, interpolating linearly between order statistics
   * (numpy's default).
   */
  public static Dataset<Row> caps(Dataset<Row> units, List<MetricColumn> metrics) {
    List<Column> quantiles = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      Double q = metrics.get(i).capQuantile();
      if (q != null) {
        quantiles.add(Percentiles.exact(col(v(i)), q).getItem(0).as(cap(i)));
      }
    }
    if (quantiles.isEmpty()) {
      throw new IllegalArgumentException("no metric is winsorised");
    }
    return units
        .where(col(VARIANT).isNotNull())
        .groupBy(col(EXPERIMENT))
        .agg(quantiles.get(0), quantiles.subList(1, quantiles.size()).toArray(Column[]::new));
  }

  /**
   * One row per experiment × variant with {@code units}, {@code duplicate_units}, {@code
   * duplicate_records}, {@code incomplete_records}, {@code inconsistent_records}, {@code
   * weight_min}, {@code weight_max} and per metric i its sufficient statistics {@code m<i>_*} and
   * unreadable values; the row whose variant is null counts the units seen in several variants (and
   * the records that no unit could use).
   *
   * @param caps the result of {@link #caps}, or null when no metric is winsorised
   */
  public static Dataset<Row> statistics(
      Dataset<Row> units, List<MetricColumn> metrics, Dataset<Row> caps) {
    Dataset<Row> input =
        caps == null ? units : units.join(broadcast(caps), new String[] {EXPERIMENT}, "left");
    Column analysed = col(VARIANT).isNotNull();
    Column duplicated = analysed.and(col(RECORDS).gt(1));
    List<Column> aggregates =
        new ArrayList<>(
            List.of(
                count_if(col(RECORDS).gt(0)).as(UNITS),
                count_if(duplicated).as(DUPLICATE_UNITS),
                coalesce(sum(when(duplicated, col(RECORDS).minus(1))), lit(0L))
                    .as(DUPLICATE_RECORDS),
                sum(col(INCOMPLETE)).as(INCOMPLETE),
                sum(col(INCONSISTENT)).as(INCONSISTENT),
                min(col(WEIGHT_MIN)).as(WEIGHT_MIN),
                max(col(WEIGHT_MAX)).as(WEIGHT_MAX)));
    for (int i = 0; i < metrics.size(); i++) {
      MetricColumn m = metrics.get(i);
      Column value = col(v(i));
      if (m.capQuantile() != null) {
        Column cap = col(cap(i));
        value = when(cap.isNotNull().and(value.gt(cap)), cap).otherwise(value);
        aggregates.add(max(cap).as(cap(i)));
      }
      aggregates.addAll(sufficientStatistics(i, m, value));
      for (String b : m.covariate() == null ? List.of(bad(i)) : List.of(bad(i), badX(i))) {
        aggregates.add(sum(col(b)).as(b));
      }
    }
    return input
        .groupBy(col(EXPERIMENT), col(VARIANT))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
  }

  private static List<Column> sufficientStatistics(int i, MetricColumn m, Column value) {
    String p = "m" + i + "_";
    return switch (m.spec().kind()) {
      case BINARY -> List.of(count(value).as(p + "n"), sum(value).as(p + "successes"));
      case ORDINAL -> List.of(count(value).as(p + "n"), LevelCounts.of(value).as(p + "levels"));
      case CONTINUOUS -> {
        if (m.covariate() == null) {
          yield List.of(
              count(value).as(p + "n"),
              avg(value).as(p + "mean"),
              var_samp(value).as(p + "variance"));
        }
        Column cov = col(x(i));
        Column paired = value.isNotNull().and(cov.isNotNull());
        Column y = when(paired, value);
        Column x = when(paired, cov);
        yield List.of(
            count_if(paired).as(p + "n"),
            sum(y).as(p + "sum_y"),
            sum(x).as(p + "sum_x"),
            sum(y.multiply(y)).as(p + "sum_yy"),
            sum(x.multiply(x)).as(p + "sum_xx"),
            sum(x.multiply(y)).as(p + "sum_xy"));
      }
    };
  }

  /**
   * The collected rows of {@link #statistics} as one summary per experiment, ordered by experiment
   * id.
   */
  public static List<ExperimentSummary> summaries(
      List<Row> statistics, List<MetricColumn> metrics) {
    Map<String, List<Row>> byExperiment = new TreeMap<>();
    for (Row r : statistics) {
      byExperiment.computeIfAbsent(r.getAs(EXPERIMENT), k -> new ArrayList<>()).add(r);
    }
    List<ExperimentSummary> out = new ArrayList<>();
    byExperiment.forEach((id, rows) -> out.add(summary(id, rows, metrics)));
    return out;
  }

  private static ExperimentSummary summary(
      String experimentId, List<Row> rows, List<MetricColumn> metrics) {
    Map<String, Long> units = new TreeMap<>();
    Map<String, Double> weights = new TreeMap<>();
    Map<String, Map<String, MetricSample>> samples = new LinkedHashMap<>();
    Map<String, Double> caps = new LinkedHashMap<>();
    Map<String, UnreadableValues> unreadable = new LinkedHashMap<>();
    for (MetricColumn m : metrics) {
      samples.put(m.name(), new TreeMap<>());
    }
    Exclusions exclusions = Exclusions.NONE;
    for (Row r : rows) {
      String variant = r.getAs(VARIANT);
      exclusions =
          exclusions.plus(
              new Exclusions(
                  Cells.lng(r, INCOMPLETE),
                  Cells.lng(r, INCONSISTENT),
                  Cells.lng(r, DUPLICATE_UNITS),
                  Cells.lng(r, DUPLICATE_RECORDS),
                  variant == null ? Cells.lng(r, UNITS) : 0));
      for (int i = 0; i < metrics.size(); i++) {
        MetricColumn m = metrics.get(i);
        unreadable.merge(m.name(), unreadable(r, bad(i)), UnreadableValues::plus);
        if (m.covariate() != null) {
          unreadable.merge(m.covariate().name(), unreadable(r, badX(i)), UnreadableValues::plus);
        }
      }
      if (variant == null) {
        continue;
      }
      units.put(variant, Cells.lng(r, UNITS));
      Double low = Cells.dbl(r, WEIGHT_MIN);
      if (low != null && low.equals(Cells.dbl(r, WEIGHT_MAX))) {
        weights.put(variant, low);
      }
      for (int i = 0; i < metrics.size(); i++) {
        MetricColumn m = metrics.get(i);
        samples.get(m.name()).put(variant, sample(r, i, m));
        Double cap = m.capQuantile() == null ? null : Cells.dbl(r, cap(i));
        if (cap != null) {
          caps.put(m.name(), cap);
        }
      }
    }
    return new ExperimentSummary(
        experimentId, new TreeMap<>(units), weights, samples, exclusions, caps, unreadable);
  }

  private static MetricSample sample(Row r, int i, MetricColumn m) {
    String p = "m" + i + "_";
    long n = Cells.lng(r, p + "n");
    return switch (m.spec().kind()) {
      case BINARY -> new BinarySample(n, Cells.lng(r, p + "successes"));
      case ORDINAL -> {
        Map<Integer, Long> levels = r.getJavaMap(r.fieldIndex(p + "levels"));
        yield new OrdinalSample(new TreeMap<>(levels));
      }
      case CONTINUOUS ->
          m.covariate() == null
              ? new ContinuousSample(
                  n, orNaN(Cells.dbl(r, p + "mean")), orNaN(Cells.dbl(r, p + "variance")))
              : new CupedSample(
                  n,
                  orZero(Cells.dbl(r, p + "sum_y")),
                  orZero(Cells.dbl(r, p + "sum_x")),
                  orZero(Cells.dbl(r, p + "sum_yy")),
                  orZero(Cells.dbl(r, p + "sum_xx")),
                  orZero(Cells.dbl(r, p + "sum_xy")));
    };
  }

  private static UnreadableValues unreadable(Row r, String column) {
    return new UnreadableValues(Cells.lng(r, column), null);
  }

  private static String valueType(MetricKind kind) {
    return switch (kind) {
      case BINARY, ORDINAL -> "int";
      case CONTINUOUS -> "double";
    };
  }

  private static double orNaN(Double d) {
    return d == null ? Double.NaN : d;
  }

  private static double orZero(Double d) {
    return d == null ? 0 : d;
  }

  static String v(int i) {
    return "v" + i;
  }

  static String x(int i) {
    return "x" + i;
  }

  static String bad(int i) {
    return "bad" + i;
  }

  static String badX(int i) {
    return "badx" + i;
  }

  static String example(String column) {
    return "example_" + column;
  }

  static String cap(int i) {
    return "cap" + i;
  }
}
