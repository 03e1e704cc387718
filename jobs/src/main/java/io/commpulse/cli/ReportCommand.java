package io.commpulse.cli;

import io.commpulse.report.ReportJob;
import io.commpulse.report.i18n.Language;
import io.commpulse.schema.SchemaCatalog;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Render the monthly executive report from the gold tables: report.pdf, a self-contained",
      "report.html, the charts as PNG and SVG, and manifest.json (table versions, options, checksums).",
      "Reads the tables without a Spark session: of --conf, only spark.hadoop.* settings apply."
    })
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--month",
      required = true,
      paramLabel = "YYYY-MM",
      description = "Month to report.")
  YearMonth month;

  @Mixin LakeOptions lakeOptions;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder for the report files. Default: reports/<month>")
  Path out;

  @Option(
      names = "--lang",
      paramLabel = "zh|en",
      description = "Language of the report. Default: zh, or the manifest's with --as-of-manifest.")
  String lang;

  @Option(
      names = "--font",
      paramLabel = "FILE",
      description = {
        "Font file (.ttf/.otf/.ttc) for charts and PDF, embedded in the PDF. Default: the first of",
        "Noto Sans CJK SC and WenQuanYi Micro Hei found (scripts/install-fonts.sh installs them)."
      })
  Path font;

  @Option(
      names = "--as-of-manifest",
      paramLabel = "FILE",
      description =
          "Re-render from the table versions recorded in an earlier report's manifest.json.")
  Path asOfManifest;

  @Override
  public Integer call() {
    Path folder = out != null ? out : Path.of("reports", month.toString());
    ReportJob.Request request =
        new ReportJob.Request(
            month,
            folder,
            Optional.ofNullable(lang).map(Language::fromCode),
            Optional.ofNullable(font),
            Optional.ofNullable(asOfManifest));
    ReportJob.Result result =
        new ReportJob(lakeOptions.snapshots(), SchemaCatalog.get()).run(request);
    System.out.println(result.out().resolve("report.pdf").toAbsolutePath());
    return 0;
  }
}
