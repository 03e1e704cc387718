package io.commpulse.cli;

import io.commpulse.errors.UserError;
import io.commpulse.lake.LakeMaintenance;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import java.util.List;
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
      "version within the retention needs. Delta's retention check stays on: --vacuum below a table's",
      "deleted-file retention (168 hours by default) is refused. Run it when no job writes the lake",
      "(the monthly DAG runs it last).",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  commpulse maintain --lake lake --optimize",
      "  commpulse maintain --lake lake --optimize --vacuum 168"
    })
final class MaintainCommand implements Callable<Integer> {
  @Option(names = "--optimize", description = "Compact each table's small files (Delta OPTIMIZE).")
  boolean optimize;

  @Option(
      names = "--vacuum",
      paramLabel = "HOURS",
      description =
          "Delete files unreferenced for longer than HOURS (Delta VACUUM); at least 168 on default tables.")
  Double vacuumHours;

  @Mixin LakeOptions lakeOptions;

  @Override
  public Integer call() {
    if (!optimize && vacuumHours == null) {
      throw new UserError("nothing to do: give --optimize, --vacuum HOURS, or both");
    }
    if (vacuumHours != null && (vacuumHours < 0 || vacuumHours.isNaN())) {
      throw new UserError("--vacuum takes a number of hours, at least 0");
    }
    OptionalDouble vacuum =
        vacuumHours == null ? OptionalDouble.empty() : OptionalDouble.of(vacuumHours);
    List<LakeMaintenance.Result> results =
        new LakeMaintenance(lakeOptions.open("maintain"))
            .run(SchemaCatalog.get(), optimize, vacuum);
    for (LakeMaintenance.Result r : results) {
      RunLog.info(
          "maintain: %s%s%s",
          r.table(),
          optimize ? String.format(" files %d -> %d", r.filesBefore(), r.filesAfter()) : "",
          r.vacuumed() ? ", vacuumed" : "");
    }
    System.out.println(
        "maintain: "
            + results.size()
            + " tables"
            + (optimize
                ? ", files "
                    + results.stream().mapToLong(LakeMaintenance.Result::filesBefore).sum()
                    + " -> "
                    + results.stream().mapToLong(LakeMaintenance.Result::filesAfter).sum()
                : "")
            + (vacuum.isPresent()
                ? ", vacuumed with " + LakeMaintenance.hours(vacuumHours) + " hours retention"
                : ""));
    return 0;
  }
}
