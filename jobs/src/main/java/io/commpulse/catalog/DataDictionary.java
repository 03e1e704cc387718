package io.commpulse.catalog;

import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data dictionary (docs/tables.md) rendered from the table contracts. The output depends on
 * nothing but the contracts, so a test can regenerate it and detect a stale committed copy.
 */
public final class DataDictionary {
  /**
   * The command that regenerates the committed dictionary; named in the file and in stale-file
   * errors.
   */
  public static final String COMMAND = "./commpulse docs --out docs/tables.md";

  /** Layers in the order data flows through them; any other layer follows alphabetically. */
  private static final List<String> LAYER_ORDER =
      List.of("landing", "bronze", "silver", "gold", "ops");

  private static final Map<String, String> LAYER_INTRO =
      Map.of(
          "landing",
              "Files as real systems export them, read from `<landing>/<source>/<YYYY-MM>/`. Not Delta tables: "
                  + "these contracts describe the input that ingest validates.",
          "bronze",
              "Raw but typed rows of every landing file, with ingestion metadata; rows that break a contract go "
                  + "to `bronze.quarantine`.",
          "silver",
              "Cleaned, de-duplicated, UTC and pseudonymised: no raw employee, customer or author identifier.",
          "gold",
              "Monthly KPI tables, A/B results and the scorecard. Figures from the anonymous survey are suppressed "
                  + "for small groups.",
          "ops", "Operational records of the pipeline itself.");

  private DataDictionary() {}

  public static String markdown(SchemaCatalog catalog) {
    Map<String, List<TableContract>> byLayer = new LinkedHashMap<>();
    catalog.tables().stream()
        .sorted(
            Comparator.comparing((TableContract t) -> layerRank(t.layer()))
                .thenComparing(TableContract::layer)
                .thenComparing(TableContract::name))
        .forEach(t -> byLayer.computeIfAbsent(t.layer(), k -> new ArrayList<>()).add(t));

    StringBuilder md = new StringBuilder();
    md.append("# Data dictionary\n\n")
        .append("<!-- Generated from schemas/ by `")
        .append(COMMAND)
        .append("`; do not edit by hand. -->\n\n")
        .append(
            "Every table of the commpulse lake, generated from its contract in `schemas/<layer>/<table>.json`. ")
        .append(
            "A Delta table lives at `<lake>/<layer>/<table>` and is addressable as `layer.table` in ")
        .append(
            "`./commpulse sql`, where `DESCRIBE layer.table` shows the same column descriptions.\n\n");
    for (Map.Entry<String, List<TableContract>> layer : byLayer.entrySet()) {
      md.append("- **").append(layer.getKey()).append("**: ");
      md.append(
          String.join(
              ", ",
              layer.getValue().stream()
                  .map(t -> "[" + t.name() + "](#" + anchor(t) + ")")
                  .toList()));
      md.append('\n');
    }
    md.append("- **KPIs**: [the strategy's KPIs](#kpis)\n");
    for (Map.Entry<String, List<TableContract>> layer : byLayer.entrySet()) {
      md.append("\n## ").append(layer.getKey()).append("\n\n");
      String intro = LAYER_INTRO.get(layer.getKey());
      if (intro != null) {
        md.append(intro).append("\n");
      }
      for (TableContract table : layer.getValue()) {
        table(md, table);
      }
    }
    kpis(md, catalog.kpis());
    return md.toString();
  }

  private static void kpis(StringBuilder md, KpiRegistry registry) {
    md.append("\n## KPIs\n\n")
        .append(cell(registry.description()))
        .append("\n\n")
        .append(
            "| KPI | code | unit | target | scorecards | from | definition |\n|---|---|---|---|---|---|---|\n");
    for (KpiRegistry.Kpi k : registry.all()) {
      String target =
          k.target() == null
              ? k.comparator().symbol()
              : k.comparator().symbol()
                  + " "
                  + BigDecimal.valueOf(k.target()).stripTrailingZeros().toPlainString();
      md.append("| ")
          .append(cell(k.name().en()))
          .append(" (")
          .append(cell(k.name().zh()))
          .append(") | `")
          .append(k.code())
          .append("` | ")
          .append(k.unit())
          .append(" | ")
          .append(cell(target))
          .append(" | ")
          .append(k.scorecard().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(" | `")
          .append(k.source())
          .append("`: ")
          .append(cell(k.cell()))
          .append(" | ")
          .append(cell(k.definition().en()))
          .append(" |\n");
    }
  }

  private static void table(StringBuilder md, TableContract t) {
    md.append("\n### ")
        .append(t.qualifiedName())
        .append("\n\n")
        .append(t.description().strip())
        .append("\n\n")
        .append("| | |\n|---|---|\n")
        .append("| Layer | ")
        .append(t.layer())
        .append(" |\n")
        .append("| Grain | ")
        .append(cell(t.grain()))
        .append(" |\n")
        .append("| Keys | ")
        .append(codes(t.keys()))
        .append(" |\n")
        .append("| Partitioned by | ")
        .append(codes(t.partitionedBy()))
        .append(" |\n");
    if ("landing".equals(t.layer())) {
      md.append("| File format | ").append(t.format() == null ? "-" : t.format()).append(" |\n");
      md.append("| Source time zone | ")
          .append(t.sourceTimezone() == null ? "-" : t.sourceTimezone())
          .append(" |\n");
    } else {
      md.append("| Location | `<lake>/")
          .append(t.layer())
          .append('/')
          .append(t.name())
          .append("` |\n");
    }
    md.append("| Contract | `schemas/")
        .append(t.layer())
        .append('/')
        .append(t.name())
        .append(".json` |\n\n")
        .append("| Column | Type | Nullable | Unit | Constraints | Description |\n")
        .append("|---|---|---|---|---|---|\n");
    for (ColumnSpec c : t.columns()) {
      md.append("| `")
          .append(c.name())
          .append("` | ")
          .append(c.type().code())
          .append(" | ")
          .append(c.nullable() ? "yes" : "no")
          .append(" | ")
          .append(c.unit() == null ? "" : cell(c.unit()))
          .append(" | ")
          .append(constraints(c))
          .append(" | ")
          .append(cell(c.description()))
          .append(" |\n");
    }
  }

  static String constraints(ColumnSpec c) {
    List<String> parts = new ArrayList<>();
    if (c.min() != null) {
      parts.add("min " + number(c.min()));
    }
    if (c.max() != null) {
      parts.add("max " + number(c.max()));
    }
    if (c.allowed() != null && !c.allowed().isEmpty()) {
      parts.add("one of " + codes(c.allowed()));
    }
    if (c.pattern() != null) {
      parts.add("matches `" + c.pattern().replace("|", "\\|") + "`");
    }
    if (c.earliest() != null) {
      parts.add("not before " + c.earliest());
    }
    if (c.notFuture()) {
      parts.add("not in the future");
    }
    if (c.pii() != null) {
      parts.add("personal data (" + c.pii() + ")");
    }
    return String.join("; ", parts);
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }

  private static String codes(List<String> names) {
    return names.isEmpty()
        ? "-"
        : String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }

  /** Markdown table cells cannot hold a pipe or a line break. */
  private static String cell(String text) {
    return text.strip().replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
  }

  /** GitHub's heading anchor for "layer.table": lower case, dots dropped. */
  static String anchor(TableContract t) {
    return t.qualifiedName().toLowerCase(Locale.ROOT).replace(".", "");
  }

  private static int layerRank(String layer) {
    int rank = LAYER_ORDER.indexOf(layer);
    return rank < 0 ? LAYER_ORDER.size() : rank;
  }
}
