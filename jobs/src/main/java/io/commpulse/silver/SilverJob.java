package io.commpulse.silver;

import static org.apache.spark.sql.functions.col;

import io.commpulse.lake.Lake;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.time.YearMonth;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Builds every silver table of a month from bronze; each table's month is replaced atomically. */
public final class SilverJob {
  private final Lake lake;
  private final SchemaCatalog catalog;
  private final Pseudonymizer pseudonyms;
  private Set<String> only = Set.of();

  public SilverJob(Lake lake, SchemaCatalog catalog, PseudonymKey key) {
    this.lake = lake;
    this.catalog = catalog;
    this.pseudonyms = new Pseudonymizer(key);
  }

  public void run(YearMonth month) {
    run(month, Set.of());
  }

  /** Builds the month's silver tables, or only those named in {@code only} (all when empty). */
  public void run(YearMonth month, Set<String> only) {
    catalog.requireNames("silver", only, "silver table");
    this.only = only;
    long started = System.nanoTime();
    String m = month.toString();
    Dataset<Row> employees = build("employees", "roster", m, b -> SilverTransforms.employees(b, pseudonyms));
    build("decisions", "decisions", m, b -> SilverTransforms.decisions(b, zone("decisions")));
    build("acknowledgements", "acknowledgements", m,
        b -> SilverTransforms.acknowledgements(b, employees, pseudonyms, zone("acknowledgements")));
    build("survey_answers", "survey_responses", m, b -> SilverTransforms.surveyAnswers(b, pseudonyms));
    build("tickets", "tickets", m, b -> SilverTransforms.tickets(b, pseudonyms, zone("tickets")));
    build("social_comments", "social_comments", m,
        b -> SilverTransforms.socialComments(b, pseudonyms, zone("social_comments")));
    build("comm_log", "comm_log", m, b -> SilverTransforms.commLog(b, zone("comm_log")));
    build("experiment_units", "channel_experiments", m, b -> SilverTransforms.experimentUnits(b, pseudonyms));
    build("followups", "followups", m, b -> SilverTransforms.followups(b, pseudonyms, zone("followups")));
    build("suggestions", "suggestions", m, b -> SilverTransforms.suggestions(b, zone("suggestions")));
    RunLog.info("silver %s: %s written in %s", month, only.isEmpty() ? "all tables" : String.join(", ", only),
        RunLog.seconds(started));
  }

  private String zone(String source) {
    String zone = catalog.table("landing." + source).sourceTimezone();
    return zone == null ? "UTC" : zone;
  }

  private Dataset<Row> build(String table, String source, String month, Function<Dataset<Row>, Dataset<Row>> transform) {
    long started = System.nanoTime();
    TableContract silver = catalog.table("silver." + table);
    if (!only.isEmpty() && !only.contains(table)) {
      return lake.readMonth(silver, month);
    }
    Dataset<Row> bronze = lake.read(catalog.table("bronze." + source)).where(col("month").equalTo(month));
    lake.replaceMonth(silver, transform.apply(bronze), month);
    RunLog.info("silver %-20s %s: written in %s", table, month, RunLog.seconds(started));
    return lake.read(silver).where(col("month").equalTo(month));
  }
}
