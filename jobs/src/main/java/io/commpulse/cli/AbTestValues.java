package io.commpulse.cli;

import io.commpulse.errors.UserError;
import io.commpulse.experiments.AbTestPlan.Cap;
import io.commpulse.experiments.AbTestPlan.Cuped;
import io.commpulse.experiments.AbTestPlan.Direction;
import io.commpulse.experiments.AbTestPlan.Expectation;
import io.commpulse.experiments.MetricKind;
import io.commpulse.experiments.MetricSpec;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/**
 * Parses the option values of {@code ab-test}. A malformed value is a {@link UserError}, which the
 * command line prints as one line like any other (see {@link CommPulse#commandLine}).
 */
final class AbTestValues {
  private AbTestValues() {}

  /** {@code COL:KIND}; the direction comes from {@code --better}. */
  static final class Metric implements ITypeConverter<MetricSpec> {
    @Override
    public MetricSpec convert(String m) {
      int colon = m.lastIndexOf(':');
      MetricKind kind = colon <= 0 ? null : kindOf(m.substring(colon + 1));
      if (kind == null || m.substring(0, colon).isBlank()) {
        throw new UserError(
            "--metric takes COL:binary, COL:continuous or COL:ordinal, got '" + m + "'");
      }
      return new MetricSpec(m.substring(0, colon), kind);
    }

    private static MetricKind kindOf(String label) {
      for (MetricKind k : MetricKind.values()) {
        if (k.label().equalsIgnoreCase(label)) {
          return k;
        }
      }
      return null;
    }
  }

  /** {@code COL:lower} or {@code COL:higher}. */
  static final class Better implements ITypeConverter<Direction> {
    @Override
    public Direction convert(String b) {
      String[] parts = b.split(":", -1);
      if (parts.length != 2
          || !List.of("lower", "higher").contains(parts[1].toLowerCase(Locale.ROOT))) {
        throw new UserError("--better takes COL:lower or COL:higher, got '" + b + "'");
      }
      return new Direction(parts[0], MetricSpec.Better.valueOf(parts[1].toUpperCase(Locale.ROOT)));
    }
  }

  /** {@code COL} for every continuous metric or {@code METRIC=COL} for one. */
  static final class Covariate implements ITypeConverter<Cuped> {
    @Override
    public Cuped convert(String c) {
      int eq = c.indexOf('=');
      return eq < 0 ? new Cuped(null, c) : new Cuped(c.substring(0, eq), c.substring(eq + 1));
    }
  }

  /** {@code COL:Q} with 0 &lt; Q &lt; 1. */
  static final class Winsorize implements ITypeConverter<Cap> {
    @Override
    public Cap convert(String w) {
      int colon = w.lastIndexOf(':');
      String metric = colon < 0 ? w : w.substring(0, colon);
      double q;
      try {
        q = colon < 0 ? Double.NaN : Double.parseDouble(w.substring(colon + 1));
      } catch (NumberFormatException e) {
        q = Double.NaN;
      }
      if (!(q > 0 && q < 1)) {
        throw new UserError(
            "--winsorize takes COL:Q with 0 < Q < 1, e.g. sum_gamerounds:0.999; got '" + w + "'");
      }
      return new Cap(metric, q, w);
    }
  }

  /** {@code VARIANT:COL=VALUE}. */
  static final class Expect implements ITypeConverter<Expectation> {
    @Override
    public Expectation convert(String text) {
      int colon = text.indexOf(':');
      int equals = text.indexOf('=', colon + 1);
      if (colon <= 0 || equals <= colon + 1) {
        throw new UserError(
            "--expect takes VARIANT:COL=VALUE, e.g. treatment:landing_page=new_page; got '"
                + text
                + "'");
      }
      return new Expectation(
          text.substring(0, colon), text.substring(colon + 1, equals), text.substring(equals + 1));
    }
  }

  /** One character. */
  static final class Delimiter implements ITypeConverter<String> {
    @Override
    public String convert(String delimiter) {
      if (delimiter.length() != 1) {
        throw new UserError("--delimiter must be one character, got '" + delimiter + "'");
      }
      return delimiter;
    }
  }
}
