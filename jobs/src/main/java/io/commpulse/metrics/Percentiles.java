package io.commpulse.metrics;

import io.commpulse.stats.Percentile;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;

/**
 * Exact percentiles as an aggregate column. Each group keeps its values in one primitive array and
 * sorts it once at the end, so the result equals Spark's {@code percentile} to the last bit while
 * needing a fraction of its memory and time: {@code percentile} counts each distinct value in a
 * hash map of boxed numbers, which over a cube's grouping sets holds millions of objects.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The exact percentiles of {@code values} at the given fractions, as an array in the same order;
   * nulls are ignored, and a group without a value gives null.
   */
  public static Column exact(Column values, double... fractions) {
    for (double fraction : fractions) {
      Percentile.requireFraction(fraction);
    }
    return functions
        .udaf(new ExactPercentiles(fractions.clone()), Encoders.DOUBLE())
        .withName("exact_percentile")
        .apply(values.cast("double"))
        .getField("values");
  }

  /** The exact median of {@code values}; null for a group without a value. */
  public static Column median(Column values) {
    return exact(values, 0.5).getItem(0);
  }

  private static final class ExactPercentiles extends Aggregator<Double, Values, Values> {
    private final double[] fractions;

    ExactPercentiles(double[] fractions) {
      this.fractions = fractions;
    }

    @Override
    public Values zero() {
      return new Values();
    }

    @Override
    public Values reduce(Values buffer, Double value) {
      if (value != null) {
        buffer.add(value);
      }
      return buffer;
    }

    @Override
    public Values merge(Values buffer, Values other) {
      buffer.addAll(other);
      return buffer;
    }

    @Override
    public Values finish(Values buffer) {
      Values result = new Values();
      if (buffer.count == 0) {
        result.setValues(null);
        return result;
      }
      Arrays.sort(buffer.values, 0, buffer.count);
      double[] percentiles = new double[fractions.length];
      for (int i = 0; i < fractions.length; i++) {
        percentiles[i] = Percentile.linear(buffer.values, buffer.count, fractions[i]);
      }
      result.setValues(percentiles);
      return result;
    }

    @Override
    public Encoder<Values> bufferEncoder() {
      return Encoders.bean(Values.class);
    }

    @Override
    public Encoder<Values> outputEncoder() {
      return Encoders.bean(Values.class);
    }
  }

  /**
   * A growable array of doubles: a group's values while aggregating, its percentiles at the end
   * (null when the group had no value: an aggregate's result itself cannot be null).
   */
  public static final class Values implements Serializable {
    private double[] values = new double[16];
    private int count;

    public double[] getValues() {
      return values == null ? null : Arrays.copyOf(values, count);
    }

    public void setValues(double[] values) {
      this.values = values;
      this.count = values == null ? 0 : values.length;
    }

    void add(double value) {
      if (count == values.length) {
        values = Arrays.copyOf(values, Math.max(16, values.length * 2));
      }
      values[count++] = value;
    }

    void addAll(Values other) {
      if (count + other.count > values.length) {
        values = Arrays.copyOf(values, Math.max(values.length * 2, count + other.count));
      }
      System.arraycopy(other.values, 0, values, count, other.count);
      count += other.count;
    }
  }
}
