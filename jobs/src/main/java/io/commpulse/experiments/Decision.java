package io.commpulse.experiments;

import java.util.Locale;

/**
 * Verdict on one variant versus control for one metric, decided in this order:
 *
 * <ol>
 *   <li>{@link #INVALID_SRM}: the experiment failed its sample-ratio check, so nothing in it is
 *       trusted;
 *   <li>{@link #INSUFFICIENT_DATA}: fewer than two units in a group, so no variance and no test;
 *   <li>{@link #WINNER} / {@link #LOSER}: Holm-adjusted p &lt; 0.05 and the effect goes in the
 *       metric's better / worse direction;
 *   <li>{@link #INCONCLUSIVE_UNDERPOWERED}: not significant, and the power to detect the minimum
 *       effect of interest is below 0.8 (or cannot be assessed), so absence of evidence is not
 *       evidence of absence;
 *   <li>{@link #NO_SIGNIFICANT_DIFFERENCE}: not significant although an effect of interest would
 *       likely have been detected.
 * </ol>
 */
public enum Decision {
  WINNER,
  LOSER,
  NO_SIGNIFICANT_DIFFERENCE,
  INCONCLUSIVE_UNDERPOWERED,
  INVALID_SRM,
  INSUFFICIENT_DATA;

  /** Lower-case name used in JSON output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
