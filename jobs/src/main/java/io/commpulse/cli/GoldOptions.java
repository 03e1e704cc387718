package io.commpulse.cli;

import io.commpulse.gold.GoldJob;
import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.surveys.Anonymity;
import io.commpulse.tickets.BusinessCalendar;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Settings of the gold metrics. */
public final class GoldOptions {
  @Option(
      names = "--calendar",
      paramLabel = "FILE",
      description =
          "Business calendar JSON for business-hour metrics: {\"timezone\":..., \"working_days\":[\"MON\",...],"
              + " \"start\":\"09:00\", \"end\":\"18:00\", \"holidays\":[\"2026-10-01\",...]}. Default: Mon-Fri 09:00-18:00 Asia/Shanghai.")
  Path calendar;

  @Option(
      names = "--min-group-size",
      defaultValue = "" + Anonymity.DEFAULT_MIN_GROUP,
      paramLabel = "N",
      description =
          "Anonymity threshold: survey figures of groups with fewer respondents are suppressed (at least "
              + Anonymity.FLOOR
              + "). Default: ${DEFAULT-VALUE}")
  int minGroupSize;

  @Option(
      names = "--service-department",
      defaultValue = "CS",
      paramLabel = "CODE",
      description =
          "Department owning customer tickets and social replies: the complaint and social response KPIs"
              + " go on its department scorecard. Default: ${DEFAULT-VALUE}")
  String serviceDepartment;

  public BusinessCalendar calendar() {
    return calendar == null ? BusinessCalendar.standard() : BusinessCalendar.fromFile(calendar);
  }

  public String serviceDepartment() {
    return serviceDepartment;
  }

  public int minGroupSize() {
    return Anonymity.checkedThreshold(minGroupSize);
  }

  /** The gold job these options configure. */
  public GoldJob job(Lake lake, SchemaCatalog catalog) {
    return new GoldJob(lake, catalog, calendar(), minGroupSize(), serviceDepartment());
  }
}
