package io.commpulse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commpulse.errors.UserError;
import io.commpulse.experiments.AbResultRow;
import io.commpulse.experiments.AbResults;
import io.commpulse.experiments.AbTestPlan;
import io.commpulse.experiments.AbTestPlan.Cap;
import io.commpulse.experiments.AbTestPlan.Cuped;
import io.commpulse.experiments.AbTestPlan.Direction;
import io.commpulse.experiments.AbTestPlan.Expectation;
import io.commpulse.experiments.ExperimentResult;
import io.commpulse.experiments.ExperimentSamples;
import io.commpulse.experiments.ExperimentSpec;
import io.commpulse.experiments.ExperimentSummary;
import io.commpulse.experiments.MetricColumn;
import io.commpulse.experiments.MetricSpec;
import io.commpulse.experiments.RecordLayout;
import io.commpulse.metrics.ContractRows;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.spark.SparkSessions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

@Command(
    name = "ab-test",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compare the variants of an A/B test exported as CSV with the statistics of",
      "gold.ab_results: per metric and non-control variant the difference and lift with",
      "95%% intervals, the test of the metric's kind, Holm-adjusted p-values, chance to",
      "beat control, power, MDE and a decision, plus the sample-ratio check.",
      "Records without unit or variant, records breaking an --expect rule, repeated",
      "records of a unit and units seen in several variants are excluded and counted.",
      "Every output field is described in docs/ab-test.md."
    },
    footer = {
      "",
      "Examples:",
      "  commpulse ab-test --input ab_data.csv --unit user_id --variant group \\",
      "      --control control --metric converted:binary \\",
      "      --expect control:landing_page=old_page \\",
      "      --expect treatment:landing_page=new_page",
      "  commpulse ab-test --input cookie_cats.csv --unit userid --variant version \\",
      "      --control gate_30 --metric retention_1:binary --metric retention_7:binary \\",
      "      --metric sum_gamerounds:continuous --winsorize sum_gamerounds:0.999 \\",
      "      --format json",
      "",
      "Exit codes: 0 results printed, 1 the input cannot be analysed (one line on",
      "stderr), 2 bad usage."
    })
final class AbTestCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description =
          "CSV file with a header row, one row per assignment record (a local path or a Hadoop URI).")
  String input;

  @Option(
      names = "--unit",
      required = true,
      paramLabel = "COL",
      description = "Column identifying the randomised unit.")
  String unit;

  @Option(
      names = "--variant",
      required = true,
      paramLabel = "COL",
      description = "Column naming the unit's variant.")
  String variant;

  @Option(
      names = "--control",
      required = true,
      paramLabel = "VALUE",
      description = "Variant value of the control group.")
  String control;

  @Option(
      names = "--metric",
      required = true,
      paramLabel = "COL:KIND",
      converter = AbTestValues.Metric.class,
      description =
          "Metric column and its kind: binary (0/1, true/false), continuous (numbers) or ordinal (whole-number"
              + " levels, e.g. Likert 1-5). Repeat for several metrics; Holm's correction covers all of them.")
  List<MetricSpec> metrics;

  @Option(
      names = "--better",
      paramLabel = "COL:lower|higher",
      converter = AbTestValues.Better.class,
      description =
          "Direction of improvement of a metric (default higher), e.g. hours_to_ack:lower. Repeatable.")
  List<Direction> better = new ArrayList<>();

  @Option(
      names = "--weights",
      split = ",",
      paramLabel = "VARIANT=W",
      description =
          "Configured split for the sample-ratio check, e.g. control=0.5,treatment=0.5 (any positive scale)."
              + " Default: equal split.")
  Map<String, Double> weights = new LinkedHashMap<>();

  @Option(
      names = "--covariate",
      paramLabel = "[METRIC=]COL",
      converter = AbTestValues.Covariate.class,
      description =
          "Pre-period covariate for CUPED: COL for every continuous metric, METRIC=COL for one. Units without"
              + " a covariate value are left out of the adjusted metric.")
  List<Cuped> covariates = new ArrayList<>();

  @Option(
      names = "--winsorize",
      paramLabel = "COL:Q",
      converter = AbTestValues.Winsorize.class,
      description =
          "Cap a continuous metric at its Q quantile (0 < Q < 1, e.g. 0.999) over all analysed units, numpy's"
              + " linear percentile, before testing. Repeatable.")
  List<Cap> winsorize = new ArrayList<>();

  @Option(
      names = "--expect",
      paramLabel = "VARIANT:COL=VALUE",
      converter = AbTestValues.Expect.class,
      description =
          "Consistency rule: records of VARIANT must have COL equal to VALUE; records breaking it are excluded"
              + " and counted, e.g. treatment:landing_page=new_page. Repeatable; all rules of a variant must hold.")
  List<Expectation> expectations = new ArrayList<>();

  @Option(
      names = "--experiment",
      paramLabel = "NAME",
      description = "Experiment id in the output. Default: the file name.")
  String experiment;

  @Option(
      names = "--min-effect",
      paramLabel = "R",
      defaultValue = "" + ExperimentSpec.DEFAULT_MIN_EFFECT_OF_INTEREST,
      description = "Relative effect the achieved power refers to. Default: ${DEFAULT-VALUE}")
  double minEffect;

  @Option(
      names = "--delimiter",
      paramLabel = "C",
      defaultValue = ",",
      converter = AbTestValues.Delimiter.class,
      description = "Field separator. Default: '${DEFAULT-VALUE}'")
  String delimiter;

  @Option(
      names = "--format",
      paramLabel = "table|json",
      defaultValue = "table",
      description =
          "Output on stdout: a table for people or a JSON array, one object per metric x variant. Default: ${DEFAULT-VALUE}")
  Format format;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Spec CommandSpec spec;

  enum Format {
    table,
    json
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    AbTestPlan plan =
        AbTestPlan.of(metrics, better, covariates, winsorize, expectations, weights, minEffect);
    checkLocalInput();

    SparkSession spark = SparkSessions.getOrCreate(master, "commpulse ab-test");
    Dataset<Row> records = read(spark);
    List<String> columns = List.of(records.columns());
    List<String> needed = new ArrayList<>(List.of(unit, variant));
    needed.addAll(plan.columns());
    for (String name : needed) {
      if (!columns.contains(name)) {
        throw new UserError(
            "unknown column '"
                + name
                + "' in "
                + input
                + "; its columns are: "
                + String.join(", ", columns)
                + delimiterHint(columns));
      }
    }

    List<MetricColumn> metricColumns = plan.metricColumns(AbTestCommand::column);
    String experimentId =
        experiment != null
            ? experiment
            : Path.of(input).getFileName().toString().replaceFirst("\\.[^.]*$", "");
    RecordLayout layout =
        RecordLayout.singleExperiment(experimentId, column(unit), column(variant))
            .withConsistency(plan.consistency(AbTestCommand::column, variant));

    List<ExperimentSummary> summaries = ExperimentSamples.summarise(records, layout, metricColumns);
    if (summaries.isEmpty()) {
      throw new UserError(input + " has a header but no records");
    }
    ExperimentSummary summary = summaries.get(0);
    plan.checkAnalysable(summary, input, variant, control);
    ExperimentResult result;
    try {
      result =
          AbResults.analyse(
              summary, metricColumns, new AbResults.Settings(control, plan.weights(), minEffect));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    List<AbResultRow> rows = AbResults.rows(null, summary, metricColumns, result);
    RunLog.info(
        "ab-test %s: %,d units in %d variants analysed in %s",
        input,
        summary.unitsPerVariant().values().stream().mapToLong(Long::longValue).sum(),
        summary.unitsPerVariant().size(),
        RunLog.seconds(started));

    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? json(rows) : AbTestReport.table(summary, result, rows));
    out.flush();
    return 0;
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
      // Every column is read as text and only the analysed ones are parsed: no inference pass over
      // the file,
      // and a bad value is reported rather than turning the whole column into strings.
      return spark
          .read()
          .option("header", "true")
          .option("inferSchema", "false")
          .option("sep", delimiter)
          .option("mode", "PERMISSIVE")
          .csv(input);
    } catch (Exception e) {
      // Spark reports a missing path or an unreadable header as an AnalysisException while reading
      // the header.
      throw new UserError(
          "cannot read "
              + input
              + ": "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
          e);
    }
  }

  private String delimiterHint(List<String> columns) {
    if (columns.size() == 1 && columns.get(0).matches(".*[;\t|].*")) {
      return " (is the file separated by something else than '" + delimiter + "'? see --delimiter)";
    }
    return "";
  }

  /** The rows as gold.ab_results holds them, without the month. */
  private static String json(List<AbResultRow> rows) {
    TableContract table = SchemaCatalog.get().table("gold.ab_results");
    List<Map<String, Object>> objects = new ArrayList<>();
    for (AbResultRow row : rows) {
      Map<String, Object> fields = ContractRows.byColumn(table, row);
      fields.remove("month");
      objects.add(fields);
    }
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(objects)
          + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
