package io.commpulse.generate;

import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.ColumnType;
import io.commpulse.schema.TableContract;
import io.commpulse.text.CsvField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Turns a clean row into the kinds of bad records real exports contain, at a given rate, choosing
 * only kinds the source's contract can express (no Likert error in a source without a range).
 */
final class DirtyRows {
  enum Kind {
    MALFORMED,
    WRONG_TYPE,
    OUT_OF_RANGE,
    MISSING_REQUIRED,
    DUPLICATE,
    BAD_TIMESTAMP,
    FUTURE_TIMESTAMP
  }

  /** A line to write: either a map of fields or raw text. */
  record Line(Map<String, String> fields, String raw) {}

  private final TableContract contract;
  private final double rate;
  private final List<Kind> kinds = new ArrayList<>();

  DirtyRows(TableContract contract, double rate) {
    this.contract = contract;
    this.rate = rate;
    kinds.add(Kind.MALFORMED);
    kinds.add(Kind.DUPLICATE);
    kinds.add(Kind.MISSING_REQUIRED);
    if (!typedColumns().isEmpty()) {
      kinds.add(Kind.WRONG_TYPE);
    }
    if (!rangedColumns().isEmpty()) {
      kinds.add(Kind.OUT_OF_RANGE);
    }
    if (!futureColumns().isEmpty()) {
      kinds.add(Kind.BAD_TIMESTAMP);
      kinds.add(Kind.FUTURE_TIMESTAMP);
    }
  }

  List<Line> apply(Map<String, String> row, SplittableRandom rnd) {
    if (rate <= 0 || rnd.nextDouble() >= rate) {
      return List.of(new Line(row, null));
    }
    Kind kind = kinds.get(rnd.nextInt(kinds.size()));
    Map<String, String> bad = new LinkedHashMap<>(row);
    switch (kind) {
      case DUPLICATE -> {
        return List.of(new Line(row, null), new Line(row, null));
      }
      case MALFORMED -> {
        return List.of(new Line(null, malformed(row, rnd)));
      }
      case MISSING_REQUIRED -> bad.put(pick(rnd, requiredColumns()).name(), null);
      case WRONG_TYPE -> bad.put(pick(rnd, typedColumns()).name(), "n/a");
      case OUT_OF_RANGE -> {
        ColumnSpec column = pick(rnd, rangedColumns());
        bad.put(
            column.name(),
            column.max() != null ? plain(column.max() + 1) : plain(column.min() - 1));
      }
      case BAD_TIMESTAMP -> bad.put(pick(rnd, futureColumns()).name(), "2026-13-45 25:61:00");
      case FUTURE_TIMESTAMP -> bad.put(pick(rnd, futureColumns()).name(), "2031-01-01 09:00:00");
    }
    return List.of(new Line(bad, null));
  }

  private String malformed(Map<String, String> row, SplittableRandom rnd) {
    if ("jsonl".equals(contract.format())) {
      String json =
          "{"
              + row.entrySet().stream()
                  .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                  .collect(Collectors.joining(", "))
              + "}";
      return json.substring(0, json.length() / 2);
    }
    List<String> fields =
        new ArrayList<>(
            contract.columnNames().stream().map(row::get).map(CsvField::quote).toList());
    if (rnd.nextBoolean()) {
      fields.remove(fields.size() - 1);
    } else {
      fields.add("unexpected extra field");
    }
    return String.join(",", fields);
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static <T> T pick(SplittableRandom rnd, List<T> values) {
    return values.get(rnd.nextInt(values.size()));
  }

  private List<ColumnSpec> requiredColumns() {
    return contract.columns().stream().filter(c -> !c.nullable()).toList();
  }

  private List<ColumnSpec> typedColumns() {
    return contract.columns().stream()
        .filter(
            c ->
                c.type().isNumeric()
                    || c.type() == ColumnType.BOOLEAN
                    || c.type() == ColumnType.DATE)
        .toList();
  }

  private List<ColumnSpec> rangedColumns() {
    return contract.columns().stream()
        .filter(c -> c.min() != null || c.max() != null)
        .filter(c -> !c.isTimestamp())
        .toList();
  }

  private List<ColumnSpec> futureColumns() {
    return contract.columns().stream().filter(ColumnSpec::notFuture).toList();
  }
}
