package io.commpulse.cli;

import io.commpulse.errors.UserError;
import io.commpulse.lake.SnapshotReader;
import io.commpulse.ops.QualityGate;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "quality-gate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a month's ingestion before publishing: every source ingested, rows conserved",
      "(read = accepted + quarantined), bronze and quarantine tables match the audit, quarantine share",
      "within the limit. Exits 1 and lists every violation when the gate fails. Reads the tables",
      "without a Spark session: of --conf, only spark.hadoop.* settings apply."
    })
final class QualityGateCommand implements Callable<Integer> {
  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      description = "Month to check.")
  YearMonth month;

  @Option(
      names = "--max-quarantine-share",
      defaultValue = "0.05",
      paramLabel = "SHARE",
      description =
          "Largest acceptable share of quarantined rows per source. Default: ${DEFAULT-VALUE}")
  double maxQuarantineShare;

  @Mixin LakeOptions lakeOptions;

  @Override
  public Integer call() {
    if (maxQuarantineShare < 0 || maxQuarantineShare > 1) {
      throw new UserError(
          "--max-quarantine-share must be between 0 and 1, got " + maxQuarantineShare);
    }
    SchemaCatalog catalog = SchemaCatalog.get();
    SnapshotReader lake = lakeOptions.snapshots();
    List<String> sources = catalog.sourceNames();
    List<String> violations =
        QualityGate.violations(
            sources, QualityGate.states(lake, catalog, month.toString()), maxQuarantineShare);
    if (!violations.isEmpty()) {
      throw new UserError(
          "quality gate failed for " + month + ":\n  " + String.join("\n  ", violations));
    }
    RunLog.info(
        "quality gate passed for %s: %d sources conserved rows, quarantine within %.1f%%",
        month, sources.size(), maxQuarantineShare * 100);
    return 0;
  }
}
