package io.commpulse.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.commpulse.errors.UserError;
import io.commpulse.experiments.AbTestPlan.Cap;
import io.commpulse.experiments.AbTestPlan.Cuped;
import io.commpulse.experiments.AbTestPlan.Direction;
import io.commpulse.experiments.MetricSpec.Better;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The option checks of {@code ab-test} that relate options to each other, without Spark. */
class AbTestPlanTest {
  private static final MetricSpec HOURS = new MetricSpec("hours", MetricKind.CONTINUOUS);
  private static final MetricSpec CLICKED = new MetricSpec("clicked", MetricKind.BINARY);

  private static String error(
      List<MetricSpec> metrics,
      List<Direction> better,
      List<Cuped> covariates,
      List<Cap> caps,
      Map<String, Double> weights,
      double minEffect) {
    return assertThrows(
            UserError.class,
            () -> AbTestPlan.of(metrics, better, covariates, caps, List.of(), weights, minEffect))
        .getMessage();
  }

  @Test
  void directionsCovariatesAndCapsLandOnTheirMetrics() {
    AbTestPlan plan =
        AbTestPlan.of(
            List.of(HOURS, CLICKED),
            List.of(new Direction("hours", Better.LOWER)),
            List.of(new Cuped(null, "pre_hours")),
            List.of(new Cap("hours", 0.99, "hours:0.99")),
            List.of(),
            Map.of(),
            0.05);
    assertEquals(
        List.of(new MetricSpec("hours", MetricKind.CONTINUOUS, Better.LOWER), CLICKED),
        plan.metrics());
    assertEquals(
        Map.of("hours", "pre_hours"), plan.covariateOf(), "only continuous metrics are adjusted");
    assertEquals(Map.of("hours", 0.99), plan.capOf());
    assertEquals(List.of("hours", "clicked", "pre_hours"), plan.columns());
  }

  @Test
  void optionsThatContradictEachOtherAreNamed() {
    assertEquals(
        "--metric hours is given twice",
        error(List.of(HOURS, HOURS), List.of(), List.of(), List.of(), Map.of(), 0.05));
    assertEquals(
        "--better names 'x', which is not a --metric",
        error(
            List.of(HOURS),
            List.of(new Direction("x", Better.LOWER)),
            List.of(),
            List.of(),
            Map.of(),
            0.05));
    assertEquals(
        "--covariate pre: CUPED adjusts continuous metrics, and no --metric is continuous",
        error(
            List.of(CLICKED),
            List.of(),
            List.of(new Cuped(null, "pre")),
            List.of(),
            Map.of(),
            0.05));
    assertEquals(
        "--covariate clicked=pre: CUPED adjusts continuous metrics, and 'clicked' is binary",
        error(
            List.of(CLICKED),
            List.of(),
            List.of(new Cuped("clicked", "pre")),
            List.of(),
            Map.of(),
            0.05));
    assertEquals(
        "--winsorize clicked:0.9: only continuous metrics are winsorised, 'clicked' is binary",
        error(
            List.of(CLICKED),
            List.of(),
            List.of(),
            List.of(new Cap("clicked", 0.9, "clicked:0.9")),
            Map.of(),
            0.05));
    assertEquals(
        "--min-effect must be > 0, got 0.0",
        error(List.of(HOURS), List.of(), List.of(), List.of(), Map.of(), 0));
    assertEquals(
        "--weights: the weight of 'A' must be > 0, got -1.0",
        error(List.of(HOURS), List.of(), List.of(), List.of(), Map.of("A", -1.0), 0.05));
  }
}
