/**
 * Statistics of A/B channel experiments, computed from sufficient statistics so that the cost does
 * not grow with the number of units.
 *
 * <p>Entry point: {@link io.commpulse.experiments.ExperimentAnalysis#analyse}, which takes an
 * {@link io.commpulse.experiments.ExperimentSpec}, one {@link
 * io.commpulse.experiments.MetricSample} per metric and variant, and the units per variant, and
 * returns the sample-ratio check and one {@link io.commpulse.experiments.Comparison} per metric ×
 * non-control variant.
 *
 * <table>
 *   <caption>Tests by metric kind</caption>
 *   <tr><th>kind</th><th>sample</th><th>p-value</th><th>95% interval on the difference</th></tr>
 *   <tr><td>binary</td><td>{@link io.commpulse.experiments.BinarySample}</td>
 *       <td>two-proportion z-test, pooled standard error</td><td>Wald, unpooled standard error</td></tr>
 *   <tr><td>continuous</td><td>{@link io.commpulse.experiments.ContinuousSample}, or
 *       {@link io.commpulse.experiments.CupedSample} for CUPED</td>
 *       <td>Welch t-test, Welch–Satterthwaite df</td><td>Welch t</td></tr>
 *   <tr><td>ordinal</td><td>{@link io.commpulse.experiments.OrdinalSample}</td>
 *       <td>Mann–Whitney U, tie-corrected normal approximation with continuity correction</td>
 *       <td>Welch t on mean levels</td></tr>
 * </table>
 *
 * <p>For every kind: relative lift with a delta-method interval, Holm–Bonferroni adjustment over
 * all comparisons of the experiment, chance to beat control (normal approximation, flat prior),
 * minimum detectable effect at 80% power and α = 0.05, achieved power for a minimum effect of
 * interest, and a {@link io.commpulse.experiments.Decision}. Distributions come from commons-math3.
 *
 * <p>From records to results with Spark: a {@link io.commpulse.experiments.RecordLayout} says where
 * each record names its experiment, unit and variant, a {@link
 * io.commpulse.experiments.MetricColumn} per metric where its values come from (typed columns, or
 * text read by {@link io.commpulse.experiments.TextMetricValues}). {@link
 * io.commpulse.experiments.ExperimentSamples} turns the records into one {@link
 * io.commpulse.experiments.ExperimentSummary} per experiment (sufficient statistics per variant,
 * and the {@link io.commpulse.experiments.Exclusions}: incomplete, inconsistent, duplicate and
 * multi-variant records), and {@link io.commpulse.experiments.AbResults} judges it and lays out the
 * rows of {@code gold.ab_results}. {@link io.commpulse.experiments.AbResultsMetric} does this for
 * the monthly pipeline; the {@code ab-test} command for any CSV.
 */
package io.commpulse.experiments;
