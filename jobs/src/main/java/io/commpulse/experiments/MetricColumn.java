package io.commpulse.experiments;

import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Where the per-record values of one metric come from, and how they are prepared before
 * summarising.
 *
 * @param spec name, kind and better direction of the metric
 * @param value a record's value: 0/1 (binary), a number (continuous) or an integer level (ordinal);
 *     null when the record has none
 * @param unreadable the raw text of a record whose value could not be read as the metric's kind,
 *     else null; always null for a typed source
 * @param covariate pre-period covariate for CUPED (continuous metrics only), or null
 * @param capQuantile winsorise the metric above this quantile (0 &lt; q &lt; 1) of the analysed
 *     units' values, pooled over the experiment's variants, or null to keep values as they are
 */
public record MetricColumn(
    MetricSpec spec, Column value, Column unreadable, Covariate covariate, Double capQuantile) {

  /**
   * A pre-experiment covariate of a continuous metric.
   *
   * @param name column name, reported with the results
   * @param values the covariate of a record; null when the record has none
   * @param unreadable the raw text of a record whose covariate is not a number, else null
   */
  public record Covariate(String name, Column values, Column unreadable) {
    public Covariate {
      Objects.requireNonNull(name, "covariate name");
      Objects.requireNonNull(values, "covariate values");
      Objects.requireNonNull(unreadable, "unreadable covariate values");
    }

    /** A covariate read from an already typed column. */
    public static Covariate typed(String name, Column values) {
      return new Covariate(name, values, functions.lit(null).cast("string"));
    }
  }

  public MetricColumn {
    Objects.requireNonNull(spec, "metric spec");
    Objects.requireNonNull(value, "metric values");
    Objects.requireNonNull(unreadable, "unreadable values");
    if (covariate != null && spec.kind() != MetricKind.CONTINUOUS) {
      throw new IllegalArgumentException(
          "metric '"
              + spec.name()
              + "' is "
              + spec.kind().label()
              + "; a CUPED covariate applies to continuous metrics only");
    }
    if (capQuantile != null) {
      if (spec.kind() != MetricKind.CONTINUOUS) {
        throw new IllegalArgumentException(
            "metric '"
                + spec.name()
                + "' is "
                + spec.kind().label()
                + "; winsorisation applies to continuous metrics only");
      }
      if (!(capQuantile > 0 && capQuantile < 1)) {
        throw new IllegalArgumentException(
            "winsorisation quantile of '"
                + spec.name()
                + "' must lie strictly between 0 and 1, got "
                + capQuantile);
      }
    }
  }

  /** A metric read from an already typed column: nothing can be unreadable. */
  public static MetricColumn typed(MetricSpec spec, Column value) {
    return new MetricColumn(spec, value, functions.lit(null).cast("string"), null, null);
  }

  public MetricColumn withCovariate(Covariate cov) {
    return new MetricColumn(spec, value, unreadable, cov, capQuantile);
  }

  public MetricColumn winsorisedAt(double quantile) {
    return new MetricColumn(spec, value, unreadable, covariate, quantile);
  }

  public String name() {
    return spec.name();
  }
}
