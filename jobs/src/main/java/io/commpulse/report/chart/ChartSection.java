package io.commpulse.report.chart;

import java.util.List;
import java.util.Optional;

/**
 * One chart section of the report: a heading, the figure when there is something to plot, otherwise
 * a sentence saying why not, and notes printed under it.
 */
public record ChartSection(
    String heading, Optional<Figure> figure, String fallback, List<String> notes) {
  public ChartSection {
    notes = List.copyOf(notes);
  }
}
