package io.commpulse.cli;

import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commpulse.errors.UserError;
import io.commpulse.experiments.AbResults;
import io.commpulse.experiments.ExperimentResult;
import io.commpulse.experiments.ExperimentSamples;
import io.commpulse.experiments.ExperimentSpec;
import io.commpulse.experiments.ExperimentSummary;
import io.commpulse.experiments.MetricColumn;
import io.commpulse.experiments.MetricKind;
import io.commpulse.experiments.MetricSpec;
import io.commpulse.experiments.RecordLayout;
import io.commpulse.experiments.TextMetricValues;
import io.commpulse.experiments.UnreadableValues;
import io.commpulse.ops.RunLog;
import io.commpulse.spark.SparkSessions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ab-test", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compare the variants of an A/B test exported as CSV with the statistics of",
        "gold.ab_results: per metric and non-control variant the difference and lift with",
        "95%% intervals, the test of the metric's kind, Holm-adjusted p-values, chance to",
        "beat control, power, MDE and a decision, plus the sample-ratio check.",
        "Records without unit or variant, records breaking an --expect rule, repeated",
        "records of a unit and units seen in several variants are excluded and counted.",
        "Every output field is described in docs/ab-test.md."},
    footer = {"", "Examples:",
        "  commpulse ab-test --input ab_data.csv --unit user_id --variant group \\",
        "      --control control --metric converted:binary \\",
        "      --expect control:landing_page=old_page \\",
        "      --expect treatment:landing_page=new_page",
        "  commpulse ab-test --input cookie_cats.csv --unit userid --variant version \\",
        "      --control gate_30 --metric retention_1:binary --metric retention_7:binary \\",
        "      --metric sum_gamerounds:continuous --winsorize sum_gamerounds:0.999 \\",
        "      --format json",
        "", "Exit codes: 0 results printed, 1 the input cannot be analysed (one line on",
        "stderr), 2 bad usage."})
final class AbTestCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "CSV file with a header row, one row per assignment record (a local path or a Hadoop URI).")
  String input;

  @Option(names = "--unit", required = true, paramLabel = "COL", description = "Column identifying the randomised unit.")
  String unit;

  @Option(names = "--variant", required = true, paramLabel = "COL", description = "Column naming the unit's variant.")
  String variant;

  @Option(names = "--control", required = true, paramLabel = "VALUE", description = "Variant value of the control group.")
  String control;

  @Option(names = "--metric", required = true, paramLabel = "COL:KIND",
      description = "Metric column and its kind: binary (0/1, true/false), continuous (numbers) or ordinal (whole-number"
          + " levels, e.g. Likert 1-5). Repeat for several metrics; Holm's correction covers all of them.")
  List<String> metrics;

  @Option(names = "--better", paramLabel = "COL:lower|higher",
      description = "Direction of improvement of a metric (default higher), e.g. hours_to_ack:lower. Repeatable.")
  List<String> better = new ArrayList<>();

  @Option(names = "--weights", split = ",", paramLabel = "VARIANT=W",
      description = "Configured split for the sample-ratio check, e.g. control=0.5,treatment=0.5 (any positive scale)."
          + " Default: equal split.")
  Map<String, Double> weights = new LinkedHashMap<>();

  @Option(names = "--covariate", paramLabel = "[METRIC=]COL",
      description = "Pre-period covariate for CUPED: COL for every continuous metric, METRIC=COL for one. Units without"
          + " a covariate value are left out of the adjusted metric.")
  List<String> covariates = new ArrayList<>();

  @Option(names = "--winsorize", paramLabel = "COL:Q",
      description = "Cap a continuous metric at its Q quantile (0 < Q < 1, e.g. 0.999) over all analysed units, numpy's"
          + " linear percentile, before testing. Repeatable.")
  List<String> winsorize = new ArrayList<>();

  @Option(names = "--expect", paramLabel = "VARIANT:COL=VALUE",
      description = "Consistency rule: records of VARIANT must have COL equal to VALUE; records breaking it are excluded"
          + " and counted, e.g. treatment:landing_page=new_page. Repeatable; all rules of a variant must hold.")
  List<String> expectations = new ArrayList<>();

  @Option(names = "--experiment", paramLabel = "NAME", description = "Experiment id in the output. Default: the file name.")
  String experiment;

  @Option(names = "--min-effect", paramLabel = "R", defaultValue = "" + ExperimentSpec.DEFAULT_MIN_EFFECT_OF_INTEREST,
      description = "Relative effect the achieved power refers to. Default: ${DEFAULT-VALUE}")
  double minEffect;

  @Option(names = "--delimiter", paramLabel = "C", defaultValue = ",", description = "Field separator. Default: '${DEFAULT-VALUE}'")
  String delimiter;

  @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
      description = "Output on stdout: a table for people or a JSON array, one object per metric x variant. Default: ${DEFAULT-VALUE}")
  Format format;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Spec
  CommandSpec spec;

  enum Format { table, json }

  /** A consistency rule of --expect. */
  record Expectation(String variant, String column, String value) {
    static Expectation parse(String text) {
      int colon = text.indexOf(':');
      int equals = text.indexOf('=', colon + 1);
      if (colon <= 0 || equals <= colon + 1) {
        throw new UserError("--expect takes VARIANT:COL=VALUE, e.g. treatment:landing_page=new_page; got '" + text + "'");
      }
      return new Expectation(text.substring(0, colon), text.substring(colon + 1, equals), text.substring(equals + 1));
    }
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    List<MetricSpec> specs = metricSpecs();
    Map<String, String> covariateOf = covariates(specs);
    Map<String, Double> capOf = caps(specs);
    List<Expectation> rules = expectations.stream().map(Expectation::parse).toList();
    if (!(minEffect > 0) || !Double.isFinite(minEffect)) {
      throw new UserError("--min-effect must be > 0, got " + minEffect);
    }
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      if (!(w.getValue() > 0) || !Double.isFinite(w.getValue())) {
        throw new UserError("--weights: the weight of '" + w.getKey() + "' must be > 0, got " + w.getValue());
      }
    }
    if (delimiter.length() != 1) {
      throw new UserError("--delimiter must be one character, got '" + delimiter + "'");
    }
    checkLocalInput();

    SparkSession spark = SparkSessions.getOrCreate(master, "commpulse ab-test");
    Dataset<Row> records = read(spark);
    List<String> columns = List.of(records.columns());
    List<String> needed = new ArrayList<>(List.of(unit, variant));
    specs.forEach(s -> needed.add(s.name()));
    needed.addAll(covariateOf.values());
    rules.forEach(r -> needed.add(r.column()));
    for (String name : needed) {
      if (!columns.contains(name)) {
        throw new UserError("unknown column '" + name + "' in " + input + "; its columns are: "
            + String.join(", ", columns) + delimiterHint(columns));
      }
    }

    List<MetricColumn> metricColumns = new ArrayList<>();
    for (MetricSpec s : specs) {
      MetricColumn m = TextMetricValues.metric(s, column(s.name()));
      String cov = covariateOf.get(s.name());
      if (cov != null) {
        m = m.withCovariate(TextMetricValues.covariate(cov, column(cov)));
      }
      if (capOf.containsKey(s.name())) {
        m = m.winsorisedAt(capOf.get(s.name()));
      }
      metricColumns.add(m);
    }
    String experimentId = experiment != null ? experiment : Path.of(input).getFileName().toString().replaceFirst("\\.[^.]*$", "");
    RecordLayout layout = RecordLayout.singleExperiment(experimentId, column(unit), column(variant))
        .withConsistency(consistency(rules));

    List<ExperimentSummary> summaries = ExperimentSamples.summarise(records, layout, metricColumns);
    if (summaries.isEmpty()) {
      throw new UserError(input + " has a header but no records");
    }
    ExperimentSummary summary = summaries.get(0);
    rejectUnreadable(summary, specs);
    if (summary.unitsPerVariant().isEmpty()) {
      throw new UserError("no unit of " + input + " can be analysed: " + exclusionsText(summary));
    }
    if (summary.unitsPerVariant().size() < 2) {
      throw new UserError("column '" + variant + "' holds a single variant ('" + summary.unitsPerVariant().firstKey()
          + "') after exclusions; an A/B test needs at least two");
    }
    if (!summary.unitsPerVariant().containsKey(control)) {
      throw new UserError("control '" + control + "' is not a value of column '" + variant + "'; its variants are: "
          + String.join(", ", summary.unitsPerVariant().keySet()));
    }
    ExperimentResult result;
    try {
      result = AbResults.analyse(summary, metricColumns, new AbResults.Settings(control, weights, minEffect));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    List<Map<String, Object>> rows = AbResults.rows(summary, metricColumns, result);
    RunLog.info("ab-test %s: %,d units in %d variants analysed in %s", input,
        summary.unitsPerVariant().values().stream().mapToLong(Long::longValue).sum(),
        summary.unitsPerVariant().size(), RunLog.seconds(started));

    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? json(rows) : AbTestReport.table(summary, result, rows));
    out.flush();
    return 0;
  }

  private List<MetricSpec> metricSpecs() {
    Map<String, MetricSpec.Better> direction = new LinkedHashMap<>();
    for (String b : better) {
      String[] parts = b.split(":", -1);
      if (parts.length != 2 || !List.of("lower", "higher").contains(parts[1].toLowerCase(Locale.ROOT))) {
        throw new UserError("--better takes COL:lower or COL:higher, got '" + b + "'");
      }
      direction.put(parts[0], MetricSpec.Better.valueOf(parts[1].toUpperCase(Locale.ROOT)));
    }
    List<MetricSpec> specs = new ArrayList<>();
    for (String m : metrics) {
      int colon = m.lastIndexOf(':');
      MetricKind kind = colon <= 0 ? null : kindOf(m.substring(colon + 1));
      if (kind == null) {
        throw new UserError("--metric takes COL:binary, COL:continuous or COL:ordinal, got '" + m + "'");
      }
      String name = m.substring(0, colon);
      if (specs.stream().anyMatch(s -> s.name().equals(name))) {
        throw new UserError("--metric " + name + " is given twice");
      }
      specs.add(new MetricSpec(name, kind, direction.getOrDefault(name, MetricSpec.Better.HIGHER)));
    }
    for (String name : direction.keySet()) {
      if (specs.stream().noneMatch(s -> s.name().equals(name))) {
        throw new UserError("--better names '" + name + "', which is not a --metric");
      }
    }
    return specs;
  }

  private static MetricKind kindOf(String label) {
    for (MetricKind k : MetricKind.values()) {
      if (k.label().equalsIgnoreCase(label)) {
        return k;
      }
    }
    return null;
  }

  /** Metric → covariate column, for continuous metrics only. */
  private Map<String, String> covariates(List<MetricSpec> specs) {
    Map<String, String> of = new LinkedHashMap<>();
    for (String c : covariates) {
      int eq = c.indexOf('=');
      if (eq < 0) {
        List<MetricSpec> continuous = specs.stream().filter(s -> s.kind() == MetricKind.CONTINUOUS).toList();
        if (continuous.isEmpty()) {
          throw new UserError("--covariate " + c + ": CUPED adjusts continuous metrics, and no --metric is continuous");
        }
        continuous.forEach(s -> of.put(s.name(), c));
        continue;
      }
      String metric = c.substring(0, eq);
      MetricSpec s = specs.stream().filter(x -> x.name().equals(metric)).findFirst().orElseThrow(
          () -> new UserError("--covariate " + c + ": '" + metric + "' is not a --metric"));
      if (s.kind() != MetricKind.CONTINUOUS) {
        throw new UserError("--covariate " + c + ": CUPED adjusts continuous metrics, and '" + metric + "' is "
            + s.kind().label());
      }
      of.put(metric, c.substring(eq + 1));
    }
    return of;
  }

  private Map<String, Double> caps(List<MetricSpec> specs) {
    Map<String, Double> of = new LinkedHashMap<>();
    for (String w : winsorize) {
      int colon = w.lastIndexOf(':');
      String metric = colon < 0 ? w : w.substring(0, colon);
      double q;
      try {
        q = colon < 0 ? Double.NaN : Double.parseDouble(w.substring(colon + 1));
      } catch (NumberFormatException e) {
        q = Double.NaN;
      }
      if (!(q > 0 && q < 1)) {
        throw new UserError("--winsorize takes COL:Q with 0 < Q < 1, e.g. sum_gamerounds:0.999; got '" + w + "'");
      }
      MetricSpec s = specs.stream().filter(x -> x.name().equals(metric)).findFirst().orElseThrow(
          () -> new UserError("--winsorize " + w + ": '" + metric + "' is not a --metric"));
      if (s.kind() != MetricKind.CONTINUOUS) {
        throw new UserError("--winsorize " + w + ": only continuous metrics are winsorised, '" + metric + "' is "
            + s.kind().label());
      }
      of.put(metric, q);
    }
    return of;
  }

  private void checkLocalInput() {
    if (input.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
      return;
    }
    Path file = Path.of(input);
    if (!Files.exists(file)) {
      throw new UserError("input file not found: " + input);
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UserError("input is not a readable file: " + input);
    }
    try {
      if (Files.size(file) == 0) {
        throw new UserError("input file is empty: " + input);
      }
    } catch (IOException e) {
      throw new UserError("cannot read " + input + ": " + e.getMessage(), e);
    }
  }

  private Dataset<Row> read(SparkSession spark) {
    try {
      // Every column is read as text and only the analysed ones are parsed: no inference pass over the file,
      // and a bad value is reported rather than turning the whole column into strings.
      return spark.read().option("header", "true").option("inferSchema", "false").option("sep", delimiter)
          .option("mode", "PERMISSIVE").csv(input);
    } catch (Exception e) {
      // Spark reports a missing path or an unreadable header as an AnalysisException while reading the header.
      throw new UserError("cannot read " + input + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
  }

  private String delimiterHint(List<String> columns) {
    if (columns.size() == 1 && columns.get(0).matches(".*[;\t|].*")) {
      return " (is the file separated by something else than '" + delimiter + "'? see --delimiter)";
    }
    return "";
  }

  private Column consistency(List<Expectation> rules) {
    Column ok = lit(true);
    for (Expectation r : rules) {
      ok = ok.and(column(variant).notEqual(r.variant()).or(column(r.column()).equalTo(r.value())));
    }
    return ok;
  }

  private void rejectUnreadable(ExperimentSummary summary, List<MetricSpec> specs) {
    List<String> problems = new ArrayList<>();
    summary.unreadable().forEach((name, bad) -> {
      if (bad.count() > 0) {
        MetricKind kind = specs.stream().filter(s -> s.name().equals(name)).map(MetricSpec::kind).findFirst()
            .orElse(MetricKind.CONTINUOUS);
        problems.add(unreadableText(name, kind, bad));
      }
    });
    if (!problems.isEmpty()) {
      throw new UserError(String.join("; ", problems));
    }
  }

  private static String unreadableText(String column, MetricKind kind, UnreadableValues bad) {
    String expected = switch (kind) {
      case BINARY -> "0/1 or true/false";
      case CONTINUOUS -> "numbers";
      case ORDINAL -> "whole numbers";
    };
    return String.format(Locale.ROOT, "column '%s' has %,d value%s that %s not %s, e.g. '%s'", column, bad.count(),
        bad.count() == 1 ? "" : "s", bad.count() == 1 ? "is" : "are", expected, bad.example());
  }

  static String exclusionsText(ExperimentSummary summary) {
    var ex = summary.exclusions();
    return String.format(Locale.ROOT, "%,d records without unit or variant, %,d inconsistent records,"
        + " %,d units in several variants", ex.incompleteRecords(), ex.inconsistentRecords(), ex.multiVariantUnits());
  }

  private static String json(List<Map<String, Object>> rows) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
