package io.commpulse.testing;

import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.ColumnType;
import io.commpulse.schema.RowCheck;
import io.commpulse.schema.TableContract;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-Java reading of the landing contracts, written for the tests: what reason a landing
 * record should be quarantined for, or none. It follows the contract text (type, nullable, min/max,
 * allowed, pattern, not_future, earliest, cross-column checks), not the Spark code under test.
 */
public final class ContractCheck {
  private static final Pattern LATER_OR_NULL =
      Pattern.compile("(?i)(\\w+) IS NULL OR (\\w+) >= (\\w+)");
  private static final Pattern PRESENT_IF_SET =
      Pattern.compile("(?i)(\\w+) IS NULL OR (\\w+) IS NOT NULL");
  private static final DateTimeFormatter NAIVE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm:ss")
          .withResolverStyle(ResolverStyle.STRICT);

  private final TableContract contract;
  private final Instant now;

  public ContractCheck(TableContract contract, Instant now) {
    this.contract = contract;
    this.now = now;
  }

  /** The expected reason codes for a whole source, counted, plus "accepted" for good records. */
  public Map<String, Long> classify(List<Path> files) {
    Map<String, Long> counts = new TreeMap<>();
    Set<List<String>> seen = new HashSet<>();
    for (Path file : files) {
      LandingFiles.Table table = read(file);
      for (LandingFiles.Record record : table.records()) {
        String reason = reason(record, table.header().size());
        if (reason == null && !seen.add(record.fields())) {
          reason = "duplicate";
        }
        counts.merge(reason == null ? "accepted" : reason, 1L, Long::sum);
      }
    }
    return counts;
  }

  public LandingFiles.Table read(Path file) {
    return "jsonl".equals(contract.format())
        ? LandingFiles.readJsonLines(file, contract.columnNames())
        : LandingFiles.readCsv(file);
  }

  /** The first problem of one record, in column order, or null when the record is valid. */
  public String reason(LandingFiles.Record record, int headerSize) {
    if (!record.parses()
        || record.fields().size() != contract.columns().size()
        || record.fields().size() != headerSize) {
      return "malformed";
    }
    if (!record.validUtf8()) {
      return "encoding";
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < contract.columns().size(); i++) {
      String problem = problem(contract.columns().get(i), record.fields().get(i));
      if (problem != null) {
        return problem;
      }
      values.put(contract.columns().get(i).name(), record.fields().get(i));
    }
    for (RowCheck check : contract.checks()) {
      if (!holds(check, values)) {
        return "inconsistent";
      }
    }
    return null;
  }

  /**
   * The cross-column checks the contracts use, read by hand: "a IS NULL OR a >= b" on timestamps,
   * and "a IS NULL OR b IS NOT NULL" (b must be set when a is). Any other form fails the test, so a
   * new kind of check gets an independent reading too.
   */
  private boolean holds(RowCheck check, Map<String, String> values) {
    Matcher needs = PRESENT_IF_SET.matcher(check.sql().trim());
    if (needs.matches()) {
      return blank(values.get(needs.group(1))) || !blank(values.get(needs.group(2)));
    }
    Matcher m = LATER_OR_NULL.matcher(check.sql().trim());
    if (!m.matches() || !m.group(1).equals(m.group(2))) {
      throw new IllegalStateException(
          "ContractCheck cannot read check " + check.name() + ": " + check.sql());
    }
    Instant a = timestamp(values.get(m.group(1)));
    Instant b = timestamp(values.get(m.group(3)));
    return a == null
        || b == null
        || !a.isBefore(b); // SQL: a >= NULL is NULL, which the contract counts as passing
  }

  private static boolean blank(String raw) {
    return raw == null || raw.trim().isEmpty();
  }

  private Instant timestamp(String raw) {
    return raw == null || raw.trim().isEmpty()
        ? null
        : instant(raw.trim(), contract.sourceTimezone());
  }

  String problem(ColumnSpec column, String raw) {
    String value = raw == null || raw.trim().isEmpty() ? null : raw.trim();
    if (value == null) {
      return column.nullable() ? null : "missing_required";
    }
    Double number = null;
    Instant instant = null;
    switch (column.type()) {
      case INT, LONG -> {
        try {
          BigDecimal d = new BigDecimal(value);
          long max = column.type() == ColumnType.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
          long min = column.type() == ColumnType.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
          if (d.stripTrailingZeros().scale() > 0
              || d.compareTo(BigDecimal.valueOf(max)) > 0
              || d.compareTo(BigDecimal.valueOf(min)) < 0) {
            return "wrong_type";
          }
          number = d.doubleValue();
        } catch (NumberFormatException e) {
          return "wrong_type";
        }
      }
      case DOUBLE -> {
        try {
          number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          return "wrong_type";
        }
      }
      case BOOLEAN -> {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          return "wrong_type";
        }
      }
      case DATE -> {
        try {
          LocalDate.parse(value);
        } catch (DateTimeParseException e) {
          return "wrong_type";
        }
      }
      case TIMESTAMP -> {
        instant = instant(value, contract.sourceTimezone());
        if (instant == null) {
          return "wrong_type";
        }
      }
      default -> {}
    }
    if (number != null && column.min() != null && number < column.min()) {
      return "out_of_range";
    }
    if (number != null && column.max() != null && number > column.max()) {
      return "out_of_range";
    }
    if (column.allowed() != null && !column.allowed().contains(value)) {
      return "not_allowed";
    }
    if (column.pattern() != null && !value.matches(column.pattern())) {
      return "bad_pattern";
    }
    if (instant != null && column.notFuture() && instant.isAfter(now)) {
      return "future_timestamp";
    }
    if (instant != null
        && column.earliest() != null
        && instant.isBefore(Instant.parse(column.earliest()))) {
      return "too_early";
    }
    return null;
  }

  /** A timestamp with an offset is that instant; a naive one is local time in the source's zone. */
  public static Instant instant(String value, String sourceZone) {
    try {
      return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value, NAIVE)
            .atZone(ZoneId.of(sourceZone == null ? "UTC" : sourceZone))
            .toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
