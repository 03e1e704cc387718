package io.commpulse.cli;

import io.commpulse.errors.UserError;
import io.commpulse.lake.LakeMaintenance;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description = {
      "Lake upkeep, table by table: OPTIMIZE compacts small files, VACUUM deletes files that no",
      "version within the retention needs. With --month, OPTIMIZE compacts only that month's",
      "partition of each month-partitioned table (the monthly DAG's last task); a partition with",
      "at most one file is left alone without a Delta transaction. Delta's retention check stays",
      "on: --vacuum below a table's deleted-file retention (168 hours by default) is refused.",
      "Run it when no job writes the lake.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  commpulse maintain --lake lake --month 2026-10 --optimize --vacuum 168",
      "  commpulse maintain --lake lake --optimize",
      "  commpulse maintain --lake lake --optimize --vacuum 168"
    })
final class MaintainCommand implements Callable<Integer> {
  @Option(names = "--optimize", description = "Compact small files (Delta OPTIMIZE).")
  boolean optimize;

  @Option(
      names = "--month",
      paramLabel = "YYYY-MM",
      description =
          "Compact only this month's partition of month-partitioned tables (others whole)."
              + " Default: every partition.")
  YearMonth month;

  @Option(
      names = "--vacuum",
      paramLabel = "HOURS",
      description =
          "Delete files unreferenced for longer than HOURS (Delta VACUUM, whole tables);"
              + " at least 168 on default tables.")
  Double vacuumHours;

  @Mixin LakeOptions lakeOptions;

  @Mixin ParallelOptions parallelOptions;

  @Override
  public Integer call() {
    if (!optimize && vacuumHours == null) {
      throw new UserError("nothing to do: give --optimize, --vacuum HOURS, or both");
    }
    if (vacuumHours != null && (vacuumHours < 0 || vacuumHours.isNaN())) {
      throw new UserError("--vacuum takes a number of hours, at least 0");
    }
    if (month != null && !optimize) {
      throw new UserError("--month limits --optimize; VACUUM always lists whole tables");
    }
    int parallelism = parallelOptions.parallelism();
    OptionalDouble vacuum =
        vacuumHours == null ? OptionalDouble.empty() : OptionalDouble.of(vacuumHours);
    LakeMaintenance.Plan plan =
        new LakeMaintenance.Plan(optimize, Optional.ofNullable(month), vacuum);
    long started = System.nanoTime();
    List<LakeMaintenance.Result> results =
        new LakeMaintenance(lakeOptions.open("maintain"), parallelism)
            .run(SchemaCatalog.get(), plan);
    for (LakeMaintenance.Result r : results) {
      RunLog.info(
          "maintain: %s%s%s",
          r.table(),
          optimize ? " " + r.scope() + " " + describe(r) : "",
          switch (r.cleanup()) {
            case VACUUMED -> ", vacuumed";
            case NOTHING_TO_DELETE -> ", nothing to vacuum";
            case NOT_RUN -> "";
          });
    }
    long compacted =
        results.stream()
            .filter(r -> r.compaction() == LakeMaintenance.Compaction.COMPACTED)
            .count();
    System.out.println(
        "maintain: "
            + results.size()
            + " tables"
            + (month != null ? ", month " + month : "")
            + (optimize
                ? ", files "
                    + results.stream().mapToLong(LakeMaintenance.Result::filesBefore).sum()
                    + " -> "
                    + results.stream().mapToLong(LakeMaintenance.Result::filesAfter).sum()
                    + ", "
                    + compacted
                    + " compacted"
                : "")
            + (vacuum.isPresent()
                ? ", "
                    + results.stream()
                        .filter(r -> r.cleanup() == LakeMaintenance.Cleanup.VACUUMED)
                        .count()
                    + " vacuumed with "
                    + LakeMaintenance.hours(vacuumHours)
                    + " hours retention"
                : "")
            + " in "
            + RunLog.seconds(started));
    return 0;
  }

  private static String describe(LakeMaintenance.Result r) {
    return switch (r.compaction()) {
      case COMPACTED -> "files " + r.filesBefore() + " -> " + r.filesAfter() + " (compacted)";
      case UNCHANGED -> "files " + r.filesBefore() + " (nothing worth rewriting)";
      case NOTHING_TO_COMPACT -> "files " + r.filesBefore() + " (nothing to compact)";
      case NOT_RUN -> "";
    };
  }
}
