package io.commpulse.experiments;

/**
 * Relative lift {@code m_v / m_c − 1} of a variant over control with a 95% interval by the delta
 * method.
 *
 * <p>Derivation. Let g(m_v, m_c) = m_v / m_c. A first-order Taylor expansion around the true means
 * gives
 *
 * <pre>
 *   g(m̂_v, m̂_c) ≈ g(m_v, m_c) + (m̂_v − m_v) / m_c − m_v (m̂_c − m_c) / m_c²
 * </pre>
 *
 * and since the two groups are independent, cov(m̂_v, m̂_c) = 0, so
 *
 * <pre>
 *   var(lift) ≈ var(m̂_v) / m_c² + m_v² · var(m̂_c) / m_c⁴
 * </pre>
 *
 * evaluated at the estimates, where var(m̂) is the squared standard error of a group's rate or mean
 * (p(1 − p)/n, or s²/n). The interval is lift ± z_0.975 · √var(lift), normal because the delta
 * method is an asymptotic argument. A control value of 0 leaves the lift undefined: every field is
 * then NaN.
 *
 * @param estimate m_v / m_c − 1
 * @param ciLower lower end of the 95% interval
 * @param ciUpper upper end of the 95% interval
 */
public record RelativeLift(double estimate, double ciLower, double ciUpper) {

  static final RelativeLift UNDEFINED = new RelativeLift(Double.NaN, Double.NaN, Double.NaN);

  static RelativeLift deltaMethod(
      double controlValue, double controlValueVar, double variantValue, double variantValueVar) {
    if (controlValue == 0 || !Double.isFinite(controlValue) || !Double.isFinite(variantValue)) {
      return UNDEFINED;
    }
    double mc2 = controlValue * controlValue;
    double variance =
        variantValueVar / mc2 + variantValue * variantValue * controlValueVar / (mc2 * mc2);
    double lift = variantValue / controlValue - 1;
    double halfWidth = StandardNormal.Z_975 * Math.sqrt(variance);
    return new RelativeLift(lift, lift - halfWidth, lift + halfWidth);
  }
}
