package io.commpulse.imports;

import static io.commpulse.imports.SourceFields.CORRUPT;
import static io.commpulse.imports.SourceFields.KEY;
import static io.commpulse.imports.SourceFields.MONTH;
import static io.commpulse.imports.SourceFields.PROBLEMS;
import static io.commpulse.imports.SourceFields.RAW;
import static io.commpulse.imports.SourceFields.RECORD;
import static io.commpulse.imports.SourceFields.RECORDS;
import static io.commpulse.imports.SourceFields.exportColumn;
import static io.commpulse.imports.SourceFields.isoUtc;
import static io.commpulse.imports.SourceFields.lookup;
import static io.commpulse.imports.SourceFields.present;
import static io.commpulse.imports.SourceFields.problem;
import static io.commpulse.imports.SourceFields.quoted;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.commpulse.schema.TableContract;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * ServiceNow incident event log (one row per update of an incident, as in the UCI "Incident
 * management process enriched event log") to {@code tickets}: one ticket per incident number.
 *
 * <p>Rules, applied to the events of one incident ordered by (sys_updated_at, sys_mod_count,
 * position in the file):
 *
 * <ul>
 *   <li>ticket_id: the digits of the number after "INC", prefixed with "T" (INC0000045 ->
 *       T0000045).
 *   <li>created_at: opened_at; updated_at: the latest sys_updated_at.
 *   <li>first_reply_at = first_human_reply_at: the first update that put the incident in a
 *       worked-on state (Active, Awaiting ..., Resolved or Closed) and is stamped at or after
 *       opened_at. The log holds no messages, so this is the service desk's first response;
 *       first_reply_by_bot is false (no bots write to this log). Updates stamped before opened_at
 *       (the log has a few, where opened_at was later corrected) do not count, so first_reply_at is
 *       never before created_at.
 *   <li>resolved_at: resolved_at of the latest event (empty again after a reopening); when that is
 *       missing and the latest state is Closed, closed_at, since a closed incident is not open.
 *   <li>reopened_count: the highest reopen_count.
 *   <li>channel, priority, customer_id (caller_id): the latest known value, "?" meaning unknown.
 *   <li>category: technical_support for every incident. An IT service desk's incidents are
 *       technical support by the contract's three kinds, and the export's own categories ("Category
 *       55") are anonymised codes with no counterpart; they stay in the unmapped report's raw text
 *       only.
 * </ul>
 *
 * An incident that cannot become a valid ticket (no caller in any event, unknown contact type or
 * priority, unreadable date) is reported whole, with its number of events.
 */
public record ServiceNowIncidents(
    ZoneId zone, Map<String, String> channels, Map<String, String> priorities, String category)
    implements ImportAdapter {
  public static final String FORMAT = "servicenow-incidents";
  static final List<String> COLUMNS =
      List.of(
          "number",
          "incident_state",
          "reopen_count",
          "sys_mod_count",
          "caller_id",
          "opened_at",
          "sys_updated_at",
          "contact_type",
          "priority",
          "resolved_at",
          "closed_at");

  /** ServiceNow's day-first list export; the ISO-like form is what its XML and API exports use. */
  static final List<String> DATE_PATTERNS =
      List.of("d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "yyyy-MM-dd HH:mm:ss");

  static final List<String> MISSING = List.of("?");

  /** contact_type values of ServiceNow's incident form. */
  public static final Map<String, String> CHANNELS =
      ordered(
          "Phone", "phone",
          "IVR", "phone",
          "Email", "email",
          "Self service", "web",
          "Self-service", "web",
          "Web", "web",
          "Direct opening", "web",
          "Chat", "online_chat");

  public static final Map<String, String> PRIORITIES =
      ordered(
          "1 - Critical", "P1",
          "2 - High", "P2",
          "3 - Moderate", "P3",
          "4 - Low", "P4",
          "5 - Planning", "P4");

  /**
   * The adapter with the standard value maps, reading timestamps without offset in {@code zone}.
   */
  public static ServiceNowIncidents standard(ZoneId zone) {
    return new ServiceNowIncidents(zone, CHANNELS, PRIORITIES, "technical_support");
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String source() {
    return "tickets";
  }

  @Override
  public Candidates map(SparkSession spark, ExportFile export, TableContract contract) {
    Dataset<Row> events = export.read(spark, ExportFile.Dialect.DEFAULT).cache();
    ExportFile.requireColumns(events, COLUMNS, "a ServiceNow incident event log");
    long read = events.count();
    long incidents =
        events
                .where(col(CORRUPT).isNull())
                .select(present(col("number"), MISSING))
                .distinct()
                .count()
            + events.where(col(CORRUPT).isNotNull()).count();
    return new Candidates(tickets(events), events, read, "incident", incidents);
  }

  /**
   * Reduces events (text columns, {@code _corrupt_record}, {@code _record}) to candidate tickets.
   */
  Dataset<Row> tickets(Dataset<Row> events) {
    Column updated = timestamp("sys_updated_at");
    Column opened = timestamp("opened_at");
    Column state = present(col("incident_state"), MISSING);
    Column workedOn = state.isin("Active", "Resolved", "Closed").or(state.startsWith("Awaiting"));
    List<String> sourceColumns =
        Arrays.stream(events.columns())
            .filter(c -> !c.equals(CORRUPT) && !c.equals(RECORD))
            .toList();
    Column rawEvent =
        to_json(
            struct(sourceColumns.stream().map(c -> exportColumn(c).as(c)).toArray(Column[]::new)));

    Dataset<Row> typed =
        events
            .where(col(CORRUPT).isNull())
            .select(
                present(col("number"), MISSING).as("number"),
                state.as("state"),
                updated.as("updated"),
                opened.as("opened"),
                timestamp("resolved_at").as("resolved"),
                timestamp("closed_at").as("closed"),
                present(col("caller_id"), MISSING).as("caller"),
                present(col("contact_type"), MISSING).as("contact"),
                present(col("priority"), MISSING).as("priority"),
                present(col("reopen_count"), MISSING).try_cast(DataTypes.IntegerType).as("reopen"),
                present(col("sys_mod_count"), MISSING).try_cast(DataTypes.IntegerType).as("mod"),
                unreadable("sys_updated_at", updated).as("bad_updated"),
                unreadable("opened_at", opened).as("bad_opened"),
                unreadable("resolved_at", timestamp("resolved_at")).as("bad_resolved"),
                when(workedOn, updated).as("worked_on_at"),
                col(RECORD),
                rawEvent.as("raw"));

    Dataset<Row> incidents =
        typed
            .groupBy(col("number"))
            .agg(
                count(lit(1)).as(RECORDS),
                min(RECORD).as(RECORD),
                latestKnown("opened").as("opened"),
                latestKnown("caller").as("caller"),
                latestKnown("contact").as("contact"),
                latestKnown("priority").as("priority"),
                latest("resolved").as("resolved"),
                latest("closed").as("closed"),
                latest("state").as("state"),
                latest("raw").as("raw"),
                max("reopen").as("reopen"),
                max("updated").as("updated"),
                collect_list(col("worked_on_at")).as("worked_on"),
                max(col("bad_updated")).as("bad_updated"),
                max(col("bad_opened")).as("bad_opened"),
                max(col("bad_resolved")).as("bad_resolved"));

    // Compared with the incident's opened_at (not each event's), so first_reply_at >= created_at
    // holds.
    Column firstResponse = array_min(filter(col("worked_on"), t -> t.geq(col("opened"))));
    Column resolved =
        coalesce(col("resolved"), when(col("state").equalTo("Closed"), col("closed")));
    Column channel = lookup(col("contact"), channels);
    Column mappedPriority = lookup(col("priority"), priorities);
    Column digits = regexp_extract(coalesce(col("number"), lit("")), "^INC([0-9]+)$", 1);
    List<Column> found = new ArrayList<>();
    found.add(when(col("number").isNull(), problem("missing_value", lit("number is missing"))));
    found.add(
        when(
            col("number").isNotNull().and(digits.equalTo("")),
            problem(
                "bad_value",
                concat(
                    lit("number "),
                    quoted(col("number")),
                    lit(" is not INC followed by digits")))));
    found.add(when(col("bad_opened").isNotNull(), problem("bad_timestamp", col("bad_opened"))));
    found.add(
        when(
            col("bad_opened").isNull().and(col("opened").isNull()),
            problem("missing_value", lit("opened_at is missing in every event"))));
    found.add(when(col("bad_updated").isNotNull(), problem("bad_timestamp", col("bad_updated"))));
    found.add(when(col("bad_resolved").isNotNull(), problem("bad_timestamp", col("bad_resolved"))));
    found.add(
        when(
            col("caller").isNull(),
            problem("missing_value", lit("caller_id is missing in every event"))));
    found.add(
        when(
            col("contact").isNull(),
            problem("missing_value", lit("contact_type is missing in every event"))));
    found.add(
        when(
            col("contact").isNotNull().and(channel.isNull()),
            problem(
                "unknown_value",
                concat(
                    lit("contact_type "),
                    quoted(col("contact")),
                    lit(" has no channel (known: " + channels.keySet() + ")")))));
    found.add(
        when(
            col("priority").isNull(),
            problem("missing_value", lit("priority is missing in every event"))));
    found.add(
        when(
            col("priority").isNotNull().and(mappedPriority.isNull()),
            problem(
                "unknown_value",
                concat(
                    lit("priority "),
                    quoted(col("priority")),
                    lit(" is not one of " + priorities.keySet())))));

    Column firstReply = isoUtc(firstResponse);
    return incidents
        .select(
            when(digits.notEqual(""), concat(lit("T"), digits)).as("ticket_id"),
            channel.as("channel"),
            lit(category).as("category"),
            mappedPriority.as("priority"),
            isoUtc(col("opened")).as("created_at"),
            firstReply.as("first_reply_at"),
            when(firstResponse.isNotNull(), lit("false")).as("first_reply_by_bot"),
            firstReply.as("first_human_reply_at"),
            isoUtc(resolved).as("resolved_at"),
            coalesce(col("reopen"), lit(0)).cast(DataTypes.StringType).as("reopened_count"),
            col("caller").as("customer_id"),
            lit(null).cast(DataTypes.StringType).as("csat"),
            isoUtc(col("updated")).as("updated_at"),
            SourceFields.month(col("opened"), zone).as(MONTH),
            SourceFields.problems(found).as(PROBLEMS),
            col(RECORD),
            col(RECORDS),
            coalesce(col("number"), lit("")).as(KEY),
            concat(
                    lit("{\"events\":"),
                    col(RECORDS).cast(DataTypes.StringType),
                    lit(",\"latest_event\":"),
                    col("raw"),
                    lit("}"))
                .as(RAW))
        .unionByName(malformed(events));
  }

  /** Records whose field count does not match the header: each is reported on its own. */
  private static Dataset<Row> malformed(Dataset<Row> events) {
    Column nothing = lit(null).cast(DataTypes.StringType);
    return events
        .where(col(CORRUPT).isNotNull())
        .select(
            nothing.as("ticket_id"),
            nothing.as("channel"),
            nothing.as("category"),
            nothing.as("priority"),
            nothing.as("created_at"),
            nothing.as("first_reply_at"),
            nothing.as("first_reply_by_bot"),
            nothing.as("first_human_reply_at"),
            nothing.as("resolved_at"),
            nothing.as("reopened_count"),
            nothing.as("customer_id"),
            nothing.as("csat"),
            nothing.as("updated_at"),
            nothing.as(MONTH),
            array(problem("malformed", lit("record does not match the columns of the header")))
                .as(PROBLEMS),
            col(RECORD),
            lit(1L).as(RECORDS),
            concat(lit("record "), col(RECORD).cast(DataTypes.StringType)).as(KEY),
            col(CORRUPT).as(RAW));
  }

  private Column timestamp(String column) {
    return SourceFields.timestamp(present(col(column), MISSING), DATE_PATTERNS, zone);
  }

  /** A message when the column holds text that is not a date in the export's format, else null. */
  private static Column unreadable(String column, Column parsed) {
    Column text = present(col(column), MISSING);
    return when(
        text.isNotNull().and(parsed.isNull()),
        concat(lit(column + " "), quoted(text), lit(" is not a day-first date (d/m/yyyy HH:MM)")));
  }

  /** The value of the latest event (nulls included): the incident's current state. */
  private static Column latest(String column) {
    return max(struct(col("updated"), col("mod"), col(RECORD), col(column).as("v"))).getField("v");
  }

  /** The value of the latest event that has one: an update does not erase what was known. */
  private static Column latestKnown(String column) {
    return max(when(
            col(column).isNotNull(),
            struct(col("updated"), col("mod"), col(RECORD), col(column).as("v"))))
        .getField("v");
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
