package io.commpulse.report.model;

import java.util.List;

/** The month's A/B results, or the fact that the lake has no A/B table yet. */
public sealed interface AbResults permits AbResults.Absent, AbResults.Present {
  List<AbComparison> comparisons();

  /** {@code gold.ab_results} does not exist (or did not, at the pinned versions). */
  record Absent() implements AbResults {
    @Override
    public List<AbComparison> comparisons() {
      return List.of();
    }
  }

  record Present(List<AbComparison> comparisons) implements AbResults {
    public Present {
      comparisons = List.copyOf(comparisons);
    }
  }
}
