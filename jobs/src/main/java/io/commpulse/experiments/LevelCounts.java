package io.commpulse.experiments;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;

/**
 * Spark aggregate counting values per ordinal level, so that an ordinal metric is summarised in the
 * same aggregation pass as every other metric, whatever its levels are. Null values are skipped.
 */
final class LevelCounts extends Aggregator<Integer, HashMap<Integer, Long>, LevelCounts.Histogram> {

  /**
   * The aggregate's result. Spark encodes Java beans, not records, as structs, hence the mutable
   * shape.
   */
  public static final class Histogram implements Serializable {
    private Map<Integer, Long> counts = new HashMap<>();

    public Histogram() {}

    Histogram(Map<Integer, Long> counts) {
      this.counts = counts;
    }

    public Map<Integer, Long> getCounts() {
      return counts;
    }

    public void setCounts(Map<Integer, Long> counts) {
      this.counts = counts;
    }
  }

  /** Level → count of {@code levels} (an int column), as a {@code map<int, bigint>} column. */
  static Column of(Column levels) {
    return functions.udaf(new LevelCounts(), Encoders.INT()).apply(levels).getField("counts");
  }

  @Override
  public HashMap<Integer, Long> zero() {
    return new HashMap<>();
  }

  @Override
  public HashMap<Integer, Long> reduce(HashMap<Integer, Long> buffer, Integer level) {
    if (level != null) {
      buffer.merge(level, 1L, Long::sum);
    }
    return buffer;
  }

  @Override
  public HashMap<Integer, Long> merge(HashMap<Integer, Long> a, HashMap<Integer, Long> b) {
    b.forEach((level, n) -> a.merge(level, n, Long::sum));
    return a;
  }

  @Override
  public Histogram finish(HashMap<Integer, Long> buffer) {
    return new Histogram(buffer);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Encoder<HashMap<Integer, Long>> bufferEncoder() {
    return (Encoder) Encoders.kryo(HashMap.class);
  }

  @Override
  public Encoder<Histogram> outputEncoder() {
    return Encoders.bean(Histogram.class);
  }
}
