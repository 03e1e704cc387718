package io.commpulse.report.model;

import io.commpulse.experiments.AbResultRow;
import java.util.List;

/** The month's A/B results, or the fact that the lake has no A/B table yet. */
public sealed interface AbResults permits AbResults.Absent, AbResults.Present {
  List<AbResultRow> comparisons();

  /**
   * The comparison's experiment failed its sample-ratio check, so none of its comparisons can be
   * trusted.
   */
  static boolean srmInvalid(AbResultRow c) {
    return c.srmFlag() || "invalid_srm".equals(c.decision());
  }

  /** A winner that can be trusted. */
  static boolean winner(AbResultRow c) {
    return "winner".equals(c.decision()) && !srmInvalid(c);
  }

  /** {@code gold.ab_results} does not exist (or did not, at the pinned versions). */
  record Absent() implements AbResults {
    @Override
    public List<AbResultRow> comparisons() {
      return List.of();
    }
  }

  record Present(List<AbResultRow> comparisons) implements AbResults {
    public Present {
      comparisons = List.copyOf(comparisons);
    }
  }
}
