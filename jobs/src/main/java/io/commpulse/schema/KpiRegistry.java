package io.commpulse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The strategy's KPIs, read from {@code schemas/kpis.json}: the one place that says what each KPI
 * is, its unit, comparator and target, which gold cell it comes from and how the report names it.
 * The scorecards judge against these targets; the report shows the targets and statuses that gold
 * stored.
 */
public final class KpiRegistry {
  /** Which scorecards carry a KPI's row. */
  public enum Scope {
    NONE("none"),
    COMPANY("company"),
    COMPANY_AND_DEPARTMENTS("company_and_departments"),
    COMPANY_AND_SERVICE_DEPARTMENT("company_and_service_department");

    private final String code;

    Scope(String code) {
      this.code = code;
    }

    static Scope of(String code) {
      for (Scope s : values()) {
        if (s.code.equals(code)) {
          return s;
        }
      }
      throw new SchemaException("unknown KPI scorecard scope '" + code + "'");
    }
  }

  /** A text in both report languages. */
  public record Wording(String en, String zh) {}

  /**
   * @param reportPosition where the report's scorecard lists it (1 first), or null when it has no
   *     scorecard row
   * @param target null for KPIs without a fixed target (trend, information)
   * @param targetWording the target as the report's KPI table words it; {@code {target}} stands for
   *     the target
   */
  public record Kpi(
      String code,
      Integer reportPosition,
      Scope scorecard,
      String unit,
      KpiComparator comparator,
      Double target,
      String source,
      String cell,
      Wording name,
      Wording definition,
      Wording targetWording) {
    public boolean onCompanyScorecard() {
      return scorecard != Scope.NONE;
    }
  }

  private static final Set<String> FIELDS =
      Set.of(
          "code",
          "report_position",
          "scorecard",
          "unit",
          "comparator",
          "target",
          "source",
          "cell",
          "name",
          "definition",
          "target_wording");
  public static final String TARGET_PLACEHOLDER = "{target}";
  private static final Set<String> UNITS = Set.of("share", "hours", "likert", "count");

  private final String description;
  private final List<Kpi> kpis;

  private KpiRegistry(String description, List<Kpi> kpis) {
    this.description = description;
    this.kpis = List.copyOf(kpis);
  }

  static KpiRegistry parse(JsonNode root) {
    List<Kpi> kpis = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (JsonNode k : root.path("kpis")) {
      String code = k.path("code").asText("");
      k.fieldNames()
          .forEachRemaining(
              f -> {
                if (!FIELDS.contains(f)) {
                  throw new SchemaException(
                      "kpis.json: KPI '" + code + "' has unknown field '" + f + "'");
                }
              });
      if (code.isEmpty() || !codes.add(code)) {
        throw new SchemaException(
            "kpis.json: every KPI needs a unique code; found '" + code + "' twice or empty");
      }
      String unit = k.path("unit").asText();
      if (!UNITS.contains(unit)) {
        throw new SchemaException(
            "kpis.json: KPI '" + code + "' has unit '" + unit + "'; known: " + UNITS);
      }
      KpiComparator comparator = KpiComparator.of(k.path("comparator").asText());
      Double target = k.path("target").isNumber() ? k.path("target").asDouble() : null;
      boolean fixedTarget =
          comparator != KpiComparator.INFO && comparator != KpiComparator.TREND_UP;
      if (fixedTarget != (target != null)) {
        throw new SchemaException(
            "kpis.json: KPI '"
                + code
                + "' with comparator "
                + comparator.symbol()
                + (fixedTarget ? " needs a numeric target" : " takes no target (null)"));
      }
      Scope scope = Scope.of(k.path("scorecard").asText());
      Integer position =
          k.path("report_position").isInt() ? k.path("report_position").asInt() : null;
      if ((scope != Scope.NONE) != (position != null)) {
        throw new SchemaException(
            "kpis.json: KPI '"
                + code
                + "' needs a report_position exactly when it has a"
                + " scorecard row");
      }
      Wording targetWording = wording(k, "target_wording");
      if (targetWording.en().contains(TARGET_PLACEHOLDER) != (target != null)
          || targetWording.zh().contains(TARGET_PLACEHOLDER) != (target != null)) {
        throw new SchemaException(
            "kpis.json: KPI '"
                + code
                + "': target_wording names "
                + TARGET_PLACEHOLDER
                + " in both languages exactly when the KPI has a numeric target");
      }
      kpis.add(
          new Kpi(
              code,
              position,
              scope,
              unit,
              comparator,
              target,
              k.path("source").asText(),
              k.path("cell").asText(),
              wording(k, "name"),
              wording(k, "definition"),
              targetWording));
    }
    if (kpis.isEmpty()) {
      throw new SchemaException("kpis.json lists no KPI");
    }
    return new KpiRegistry(root.path("description").asText(""), kpis);
  }

  private static Wording wording(JsonNode kpi, String field) {
    JsonNode w = kpi.path(field);
    if (!w.path("en").isTextual() || !w.path("zh").isTextual()) {
      throw new SchemaException(
          "kpis.json: KPI '" + kpi.path("code").asText() + "' needs " + field + " in en and zh");
    }
    return new Wording(w.path("en").asText(), w.path("zh").asText());
  }

  public String description() {
    return description;
  }

  /** Every KPI of the strategy, in the strategy's order. */
  public List<Kpi> all() {
    return kpis;
  }

  /** The KPIs with a scorecard row, in the order the report lists them. */
  public List<Kpi> scorecardOrder() {
    return kpis.stream()
        .filter(Kpi::onCompanyScorecard)
        .sorted(Comparator.comparing(Kpi::reportPosition))
        .toList();
  }

  public Kpi kpi(String code) {
    return kpis.stream()
        .filter(k -> k.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new SchemaException("no KPI '" + code + "' in kpis.json"));
  }

  /** The fixed target of a KPI; fails for a KPI without one. */
  public double target(String code) {
    Double target = kpi(code).target();
    if (target == null) {
      throw new SchemaException("KPI '" + code + "' has no fixed target in kpis.json");
    }
    return target;
  }
}
