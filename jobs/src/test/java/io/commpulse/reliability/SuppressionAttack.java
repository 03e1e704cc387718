package io.commpulse.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;

/**
 * An attacker holding one month of the published {@code gold.satisfaction} who wants the figures of
 * a suppressed department. Per question it subtracts the published departments from the ALL row;
 * across questions it assumes complete questionnaires (a department's respondent count is the same
 * for every question) and plugs counts published for one question into another's residual.
 */
final class SuppressionAttack {
  /** A value the attacker claims for a withheld cell. */
  record Claim(String question, String department, String field, double value) {}

  /** The published cells of one question: department -> row (suppressed rows included). */
  record Cell(boolean suppressed, Long respondents, Double mean, Double top2Share) {}

  private SuppressionAttack() {}

  static Map<String, Map<String, Cell>> published(List<Row> satisfaction) {
    Map<String, Map<String, Cell>> byQuestion = new TreeMap<>();
    for (Row r : satisfaction) {
      byQuestion
          .computeIfAbsent(r.getString(r.fieldIndex("question_id")), q -> new TreeMap<>())
          .put(
              r.getString(r.fieldIndex("department")),
              new Cell(
                  r.getBoolean(r.fieldIndex("suppressed")),
                  (Long) r.get(r.fieldIndex("respondents")),
                  (Double) r.get(r.fieldIndex("mean")),
                  (Double) r.get(r.fieldIndex("top2_share"))));
    }
    return byQuestion;
  }

  static List<Claim> attack(Map<String, Map<String, Cell>> byQuestion, String all) {
    Map<String, Long> knownCounts = new HashMap<>();
    byQuestion
        .values()
        .forEach(
            cells ->
                cells.forEach(
                    (dept, cell) -> {
                      if (!cell.suppressed() && !dept.equals(all)) {
                        knownCounts.putIfAbsent(dept, cell.respondents());
                      }
                    }));
    List<Claim> claims = new ArrayList<>();
    byQuestion.forEach(
        (question, cells) -> {
          Cell total = cells.get(all);
          if (total == null || total.suppressed()) {
            return;
          }
          List<String> withheld =
              cells.entrySet().stream()
                  .filter(e -> !e.getKey().equals(all) && e.getValue().suppressed())
                  .map(Map.Entry::getKey)
                  .toList();
          long n = total.respondents();
          double sum = total.mean() * n;
          double top2 = total.top2Share() * n;
          for (Map.Entry<String, Cell> e : cells.entrySet()) {
            if (!e.getKey().equals(all) && !e.getValue().suppressed()) {
              n -= e.getValue().respondents();
              sum -= e.getValue().mean() * e.getValue().respondents();
              top2 -= e.getValue().top2Share() * e.getValue().respondents();
            }
          }
          if (withheld.size() == 1) {
            String dept = withheld.get(0);
            claims.add(new Claim(question, dept, "respondents", n));
            claims.add(new Claim(question, dept, "mean", sum / n));
            claims.add(new Claim(question, dept, "top2_share", top2 / n));
          }
          List<String> unknown =
              withheld.stream().filter(d -> !knownCounts.containsKey(d)).toList();
          if (unknown.size() == 1 && withheld.size() > 1) {
            long residual =
                n
                    - withheld.stream()
                        .filter(knownCounts::containsKey)
                        .mapToLong(knownCounts::get)
                        .sum();
            claims.add(new Claim(question, unknown.get(0), "respondents", residual));
          }
        });
    return claims;
  }

  /** The claims that are right: each one is a figure the suppression failed to protect. */
  static List<Claim> leaks(List<Claim> claims, Map<String, Map<String, double[]>> truth) {
    return claims.stream()
        .filter(
            c -> {
              double[] t = truth.get(c.question()).get(c.department());
              double actual =
                  switch (c.field()) {
                    case "respondents" -> t[0];
                    case "mean" -> t[1];
                    default -> t[2];
                  };
              return Math.abs(actual - c.value()) < 1e-6;
            })
        .collect(Collectors.toList());
  }

  /** question -> department -> {respondents, mean, top2 share}, computed from the raw answers. */
  static Map<String, Map<String, double[]>> truth(List<Row> answers) {
    Map<String, Map<String, List<Integer>>> grouped = new TreeMap<>();
    for (Row r : answers) {
      grouped
          .computeIfAbsent(r.getString(r.fieldIndex("question_id")), q -> new TreeMap<>())
          .computeIfAbsent(r.getString(r.fieldIndex("department")), d -> new ArrayList<>())
          .add(r.getInt(r.fieldIndex("answer")));
    }
    Map<String, Map<String, double[]>> truth = new TreeMap<>();
    grouped.forEach(
        (q, depts) ->
            depts.forEach(
                (d, values) ->
                    truth
                        .computeIfAbsent(q, x -> new TreeMap<>())
                        .put(
                            d,
                            new double[] {
                              values.size(),
                              values.stream().mapToInt(Integer::intValue).average().orElse(0),
                              values.stream().filter(v -> v >= 4).count() / (double) values.size()
                            })));
    return truth;
  }
}
