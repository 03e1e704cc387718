package io.commpulse.imports;

import io.commpulse.errors.UserError;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Maps one kind of real export into a landing source. {@link #map} reads the export and returns one
 * candidate row per unit (ticket, comment, answer, row) with the landing columns as text, the month
 * folder and the problems that kept it from mapping; {@link ImportJob} splits and writes them.
 */
public sealed interface ImportAdapter
    permits ServiceNowIncidents, TwitterSupport, LikertSurvey, ColumnMapping {

  /** The name given to {@code --format}. */
  String format();

  /** The landing source it writes, e.g. {@code tickets}. */
  String source();

  Candidates map(SparkSession spark, ExportFile export, TableContract contract);

  List<String> FORMATS =
      List.of(
          ServiceNowIncidents.FORMAT,
          TwitterSupport.FORMAT,
          LikertSurvey.FORMAT,
          ColumnMapping.FORMAT);

  /**
   * The adapter for a {@code --format} name. {@code mapping} is the mapping file (required by
   * likert-survey and mapping); {@code timezone}, when given, is the zone of timestamps written
   * without an offset (ServiceNow default: UTC; mapping files: their "timezone", else the
   * contract's).
   */
  static ImportAdapter of(String format, Path mapping, String timezone, SchemaCatalog catalog) {
    boolean needsMapping =
        format.equals(LikertSurvey.FORMAT) || format.equals(ColumnMapping.FORMAT);
    if (!FORMATS.contains(format)) {
      throw new UserError(
          "unknown format '" + format + "'; known formats: " + String.join(", ", FORMATS));
    }
    if (needsMapping && mapping == null) {
      throw new UserError("--format " + format + " needs --mapping FILE (see docs/import.md)");
    }
    if (!needsMapping && mapping != null) {
      throw new UserError("--mapping is only read by --format likert-survey and --format mapping");
    }
    if (timezone != null) {
      try {
        ZoneId.of(timezone);
      } catch (DateTimeException e) {
        throw new UserError(
            "--timezone '"
                + timezone
                + "' is not a time zone (use a region id such as Europe/Berlin)");
      }
    }
    return switch (format) {
      case ServiceNowIncidents.FORMAT ->
          ServiceNowIncidents.standard(timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone));
      case TwitterSupport.FORMAT -> {
        if (timezone != null) {
          throw new UserError(
              "--timezone does not apply to twitter-support: its times carry an offset");
        }
        yield new TwitterSupport();
      }
      case LikertSurvey.FORMAT -> {
        LikertSurvey survey = LikertSurvey.load(mapping, catalog);
        yield timezone == null ? survey : survey.withTimezone(timezone);
      }
      default -> {
        ColumnMapping columns = ColumnMapping.load(mapping, catalog);
        yield timezone == null ? columns : columns.withTimezone(timezone);
      }
    };
  }
}
