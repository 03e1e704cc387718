package io.commpulse.cli;

import io.commpulse.schema.SchemaCatalog;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "gold",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the gold KPI tables of a month from silver: satisfaction, coverage, response_sla,",
      "social_response, mistransmission, hotspots, ab_results, the kpi_scorecard and department_scorecard,",
      "automation_candidates, followup_coverage and feedback_loop."
    })
final class GoldCommand implements Callable<Integer> {
  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      description = "Month to compute.")
  YearMonth month;

  @Option(
      names = "--tables",
      split = ",",
      paramLabel = "NAME[,NAME...]",
      description = "Build only these gold tables (the others are read as stored). Default: all.")
  Set<String> tables = Set.of();

  @Mixin LakeOptions lakeOptions;

  @Mixin ParallelOptions parallelOptions;

  @Mixin GoldOptions goldOptions;

  @Override
  public Integer call() {
    goldOptions
        .job(lakeOptions.open("gold"), SchemaCatalog.get())
        .run(month, tables, parallelOptions.parallelism());
    return 0;
  }
}
