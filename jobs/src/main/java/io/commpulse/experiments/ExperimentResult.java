package io.commpulse.experiments;

import java.util.List;

/**
 * Everything {@link ExperimentAnalysis#analyse} concludes about one experiment.
 *
 * @param experimentId experiment identifier
 * @param srm sample-ratio check of the units per variant
 * @param comparisons one per metric × non-control variant, metrics in spec order, variants by name
 */
public record ExperimentResult(String experimentId, SrmCheck srm, List<Comparison> comparisons) {

  public ExperimentResult {
    comparisons = List.copyOf(comparisons);
  }
}
