package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.experiments.MetricSpec.Better;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * End-to-end checks of {@link ExperimentAnalysis} on sufficient statistics. Reference values come
 * from scipy 1.17.1, statsmodels 0.15.0 and numpy 2.4.6 as stated at each literal; "power" is
 * {@code NormalIndPower().power(0.05 * |m_c| / σ, n_c, 0.05, ratio=n_v/n_c)} with σ = se / √(1/n_c
 * + 1/n_v), "MDE" solves that power = 0.8 with brentq (see {@link PowerAnalysisTest}), "lift" is
 * statsmodels {@code NonlinearDeltaCov} (see {@link RelativeLiftTest}) and "chance" is {@code
 * scipy.stats.norm.cdf(±diff / se)} with se the unpooled standard error.
 */
class ExperimentAnalysisTest {

  /**
   * cookie_cats.csv (90 189 players, one row each): control gate_30, variant gate_40. Counts from
   * pandas: gate_30 n=44700, retention_1 20034, retention_7 8502; gate_40 n=45489, retention_1
   * 20119, retention_7 8279; sum_gamerounds mean / var(ddof=1) per version.
   */
  private static ExperimentResult cookieCats(ContinuousSample rounds30, ContinuousSample rounds40) {
    ExperimentSpec spec =
        new ExperimentSpec(
            "cookie_cats",
            "gate_30",
            Map.of("gate_30", 0.5, "gate_40", 0.5),
            List.of(
                new MetricSpec("retention_1", MetricKind.BINARY, Better.HIGHER),
                new MetricSpec("retention_7", MetricKind.BINARY, Better.HIGHER),
                new MetricSpec("sum_gamerounds", MetricKind.CONTINUOUS, Better.HIGHER)),
            0.05);
    Map<String, Map<String, MetricSample>> samples = new LinkedHashMap<>();
    samples.put(
        "retention_1",
        Map.of(
            "gate_30", new BinarySample(44700, 20034), "gate_40", new BinarySample(45489, 20119)));
    samples.put(
        "retention_7",
        Map.of("gate_30", new BinarySample(44700, 8502), "gate_40", new BinarySample(45489, 8279)));
    samples.put("sum_gamerounds", Map.of("gate_30", rounds30, "gate_40", rounds40));
    return ExperimentAnalysis.analyse(spec, samples, Map.of("gate_30", 44700L, "gate_40", 45489L));
  }

  @Test
  void cookieCatsRetention() {
    ExperimentResult r =
        cookieCats(
            new ContinuousSample(44700, 52.45626398210291, 65903.32189749404),
            new ContinuousSample(45489, 51.29877552814966, 10669.736421513297));
    // chisquare([44700, 45489]) -> pvalue=0.008607987810836262: not a mismatch at 0.001
    rel(0.008607987810836262, r.srm().pValue(), "srm p");
    assertFalse(r.srm().mismatch());
    assertEquals(3, r.comparisons().size());

    Comparison r1 = r.comparisons().get(0);
    assertEquals("retention_1", r1.metric());
    assertEquals("gate_30", r1.controlVariant());
    assertEquals("gate_40", r1.variant());
    assertEquals(44700, r1.controlUnits());
    assertEquals(45489, r1.variantUnits());
    rel(0.4481879194630872, r1.controlValue(), "r1 control rate");
    rel(0.44228274967574577, r1.variantValue(), "r1 variant rate");
    rel(-0.005905169787341458, r1.absoluteDifference(), "r1 diff");
    // confint_proportions_2indep(20119, 45489, 20034, 44700, method='wald')
    rel(-0.012392439449445219, r1.absoluteCiLower(), "r1 ci lower");
    rel(0.0005820998747623034, r1.absoluteCiUpper(), "r1 ci upper");
    // lift (NonlinearDeltaCov) -> -0.01317565585974656, (-0.027554099001744416,
    // 0.0012027872822512956)
    rel(-0.01317565585974656, r1.relativeLift(), "r1 lift");
    rel(-0.027554099001744416, r1.relativeCiLower(), "r1 lift ci lower");
    rel(0.0012027872822512956, r1.relativeCiUpper(), "r1 lift ci upper");
    // proportions_ztest([20119, 20034], [45489, 44700]) -> z=-1.7840862247974725,
    // p=0.07440965529691913
    assertEquals("two_proportion_z_test", r1.testName());
    rel(-1.7840862247974725, r1.testStatistic(), "r1 z");
    rel(0.07440965529691913, r1.pValue(), "r1 p");
    // multipletests([0.07440965529691913, 0.001554249975614329, 0.37592438409326173],
    // method='holm')[1]
    //   -> [0.14881931059383827, 0.004662749926842987, 0.37592438409326173]
    rel(0.14881931059383827, r1.pValueHolm(), "r1 holm");
    rel(0.037203930261749986, r1.chanceToBeatControl(), "r1 chance");
    // MDE -> 0.009272933929477626 abs, 0.020689834613539477 rel; power(5%) -> 0.9999992471082282
    rel(0.009272933929477626, r1.mdeAbsolute(), "r1 mde abs");
    rel(0.020689834613539477, r1.mdeRelative(), "r1 mde rel");
    rel(0.9999992471082282, r1.achievedPower(), "r1 power");
    assertEquals(Decision.NO_SIGNIFICANT_DIFFERENCE, r1.decision());

    Comparison r7 = r.comparisons().get(1);
    rel(0.19020134228187918, r7.controlValue(), "r7 control rate");
    rel(0.18200004396667327, r7.variantValue(), "r7 variant rate");
    rel(-0.013281552418885546, r7.absoluteCiLower(), "r7 ci lower");
    rel(-0.00312104421152628, r7.absoluteCiUpper(), "r7 ci upper");
    rel(-0.043119034896460184, r7.relativeLift(), "r7 lift");
    rel(-0.06924457700961774, r7.relativeCiLower(), "r7 lift ci lower");
    rel(-0.016993492783302627, r7.relativeCiUpper(), "r7 lift ci upper");
    // proportions_ztest([8279, 8502], [45489, 44700]) -> z=-3.164358912748191,
    // p=0.001554249975614329
    rel(-3.164358912748191, r7.testStatistic(), "r7 z");
    rel(0.001554249975614329, r7.pValue(), "r7 p");
    rel(0.004662749926842987, r7.pValueHolm(), "r7 holm");
    rel(0.0007779127868536274, r7.chanceToBeatControl(), "r7 chance");
    rel(0.007261739237320659, r7.mdeAbsolute(), "r7 mde abs");
    rel(0.03817922181936409, r7.mdeRelative(), "r7 mde rel");
    rel(0.9562767164314729, r7.achievedPower(), "r7 power");
    assertEquals(Decision.LOSER, r7.decision(), "gate_40 retains fewer players after 7 days");

    Comparison rounds = r.comparisons().get(2);
    // ttest_ind(gate_40, gate_30, equal_var=False) on raw sum_gamerounds
    assertEquals("welch_t_test", rounds.testName());
    rel(-0.885437433127067, rounds.testStatistic(), "rounds t");
    rel(58595.481422574, rounds.degreesOfFreedom(), "rounds df");
    rel(0.37592438409326173, rounds.pValue(), "rounds p");
    rel(0.37592438409326173, rounds.pValueHolm(), "rounds holm");
    rel(-3.7197051164946457, rounds.absoluteCiLower(), "rounds ci lower");
    rel(1.4047282085881476, rounds.absoluteCiUpper(), "rounds ci upper");
    // lift from the pandas means/variances -> -0.022065781397397344, (-0.06998117972361147,
    // 0.02584961692881678)
    rel(-0.022065781397397344, rounds.relativeLift(), "rounds lift");
    rel(-0.06998117972361147, rounds.relativeCiLower(), "rounds lift ci lower");
    rel(0.02584961692881678, rounds.relativeCiUpper(), "rounds lift ci upper");
    rel(0.1879603753034768, rounds.chanceToBeatControl(), "rounds chance");
    rel(3.6623689601889264, rounds.mdeAbsolute(), "rounds mde abs");
    rel(0.06981757148085227, rounds.mdeRelative(), "rounds mde rel");
    // power(5%) -> 0.5185386559484544: the outlier inflates the variance, so a 5% effect could be
    // missed
    rel(0.5185386559484544, rounds.achievedPower(), "rounds power");
    assertEquals(Decision.INCONCLUSIVE_UNDERPOWERED, rounds.decision());
  }

  @Test
  void cookieCatsGameRoundsWinsorised() {
    // sum_gamerounds clipped at np.percentile(all, 99.9) = 1073.6240000000107 (see
    // WinsorisationTest)
    ExperimentResult r =
        cookieCats(
            new ContinuousSample(44700, 51.03090791946309, 9492.8777592011),
            new ContinuousSample(45489, 50.93526347028953, 9676.185579332316));
    Comparison rounds = r.comparisons().get(2);
    // ttest_ind(w40, w30, equal_var=False) -> statistic=-0.14669748196453783,
    // pvalue=0.8833711341172604
    rel(-0.14669748196453783, rounds.testStatistic(), "t");
    rel(0.8833711341172604, rounds.pValue(), "p");
    // lift -> -0.001874245493035498, (-0.026891822868559477, 0.02314333188248848)
    rel(-0.001874245493035498, rounds.relativeLift(), "lift");
    rel(-0.026891822868559477, rounds.relativeCiLower(), "lift ci lower");
    rel(0.02314333188248848, rounds.relativeCiUpper(), "lift ci upper");
    rel(0.4416854031018359, rounds.chanceToBeatControl(), "chance");
    rel(1.8265872273006918, rounds.mdeAbsolute(), "mde abs");
    rel(0.03579374347372791, rounds.mdeRelative(), "mde rel");
    rel(0.9746223986307719, rounds.achievedPower(), "power");
    rel(0.8833711341172604, rounds.pValueHolm(), "holm");
    assertEquals(Decision.NO_SIGNIFICANT_DIFFERENCE, rounds.decision());
  }

  @Test
  void abDataConversion() {
    // ab_data.csv: 294 478 rows; 3 893 rows whose group and landing_page disagree (treatment must
    // see new_page)
    // and the second row of user 773192 removed -> control 17489/145274, treatment 17264/145310.
    ExperimentSpec spec =
        new ExperimentSpec(
            "ab_data", "control", List.of(new MetricSpec("converted", MetricKind.BINARY)));
    ExperimentResult r =
        ExperimentAnalysis.analyse(
            spec,
            Map.of(
                "converted",
                Map.of(
                    "control",
                    new BinarySample(145274, 17489),
                    "treatment",
                    new BinarySample(145310, 17264))),
            Map.of("control", 145274L, "treatment", 145310L));
    // chisquare([145274, 145310]) -> pvalue=0.9467543681597944
    rel(0.9467543681597944, r.srm().pValue(), "srm p");
    Comparison c = r.comparisons().get(0);
    rel(0.1203863045004612, c.controlValue(), "control rate");
    rel(0.11880806551510564, c.variantValue(), "treatment rate");
    rel(-0.0015782389853555567, c.absoluteDifference(), "diff");
    rel(-0.003937860245052737, c.absoluteCiLower(), "ci lower");
    rel(0.0007813822743416238, c.absoluteCiUpper(), "ci upper");
    rel(-0.013109788458948057, c.relativeLift(), "lift");
    rel(-0.032581397967056454, c.relativeCiLower(), "lift ci lower");
    rel(0.006361821049160339, c.relativeCiUpper(), "lift ci upper");
    // proportions_ztest([17264, 17489], [145310, 145274]) -> z=-1.3109241984234394,
    // p=0.18988337448195103
    rel(-1.3109241984234394, c.testStatistic(), "z");
    rel(0.18988337448195103, c.pValue(), "p");
    rel(0.18988337448195103, c.pValueHolm(), "holm (family of one)");
    rel(0.09494118879424318, c.chanceToBeatControl(), "chance");
    rel(0.003372853785866371, c.mdeAbsolute(), "mde abs");
    rel(0.02801692268785815, c.mdeRelative(), "mde rel");
    rel(0.998816476161563, c.achievedPower(), "power");
    assertEquals(Decision.NO_SIGNIFICANT_DIFFERENCE, c.decision());
  }

  /**
   * Hours to acknowledge (lower is better), satisfaction 1..5 and complaint rate (lower is better).
   */
  private static Map<String, Map<String, MetricSample>> supportSamples() {
    Map<String, Map<String, MetricSample>> s = new LinkedHashMap<>();
    s.put(
        "hours_to_ack",
        Map.of(
            "email",
                ContinuousSample.of(new double[] {3.0, 3.3, 2.7, 3.15, 2.85, 3.0, 3.06, 2.94, 3.1}),
            "chat",
                ContinuousSample.of(new double[] {1.0, 1.1, 0.9, 1.05, 0.95, 1.0, 1.02, 0.98})));
    s.put(
        "satisfaction",
        Map.of(
            "email", new OrdinalSample(new TreeMap<>(Map.of(1, 3L, 2, 5L, 3, 10L, 4, 7L, 5, 2L))),
            "chat", new OrdinalSample(new TreeMap<>(Map.of(1, 1L, 2, 3L, 3, 8L, 4, 12L, 5, 6L)))));
    s.put(
        "complaint",
        Map.of("email", new BinarySample(1000, 120), "chat", new BinarySample(1000, 150)));
    return s;
  }

  @Test
  void directionOfBetterAndHolmAcrossMetricKinds() {
    ExperimentSpec spec =
        new ExperimentSpec(
            "support_channel",
            "email",
            Map.of(),
            List.of(
                new MetricSpec("hours_to_ack", MetricKind.CONTINUOUS, Better.LOWER),
                new MetricSpec("satisfaction", MetricKind.ORDINAL, Better.HIGHER),
                new MetricSpec("complaint", MetricKind.BINARY, Better.LOWER)),
            0.05);
    ExperimentResult r =
        ExperimentAnalysis.analyse(spec, supportSamples(), Map.of("email", 1000L, "chat", 1000L));
    Comparison hours = r.comparisons().get(0);
    Comparison satisfaction = r.comparisons().get(1);
    Comparison complaint = r.comparisons().get(2);
    // ttest_ind(chat, email, equal_var=False) -> statistic=-32.58523267750436,
    // pvalue=1.3576951328814859e-11
    rel(-32.58523267750436, hours.testStatistic(), "hours t");
    rel(1.3576951328814859e-11, hours.pValue(), "hours p");
    // mannwhitneyu(chat, email, method='asymptotic') -> U=536.0, p=0.030193778709945725
    assertEquals("mann_whitney_u", satisfaction.testName());
    rel(536.0, satisfaction.testStatistic(), "satisfaction U");
    rel(0.030193778709945725, satisfaction.pValue(), "satisfaction p");
    rel(0.04964038686536878, complaint.pValue(), "complaint p");
    // multipletests([1.3576951328814859e-11, 0.030193778709945725, 0.04964038686536878],
    // method='holm')[1]
    //   -> [4.073085398644458e-11, 0.06038755741989145, 0.06038755741989145]
    rel(4.073085398644458e-11, hours.pValueHolm(), "hours holm");
    rel(0.06038755741989145, satisfaction.pValueHolm(), "satisfaction holm");
    rel(0.06038755741989145, complaint.pValueHolm(), "complaint holm");
    // chance: norm.cdf(-(m_chat - m_email) / se) for lower-is-better metrics, norm.cdf(+...)
    // otherwise;
    // satisfaction on mean levels of the expanded answers
    rel(1.0, hours.chanceToBeatControl(), "hours chance");
    rel(0.9868876015102811, satisfaction.chanceToBeatControl(), "satisfaction chance");
    rel(0.024710375329790455, complaint.chanceToBeatControl(), "complaint chance");
    // power(5%): hours 0.6841882483955105, satisfaction 0.08230968473973536, complaint
    // 0.06787274054220004
    rel(0.6841882483955105, hours.achievedPower(), "hours power");
    rel(0.08230968473973536, satisfaction.achievedPower(), "satisfaction power");
    rel(0.06787274054220004, complaint.achievedPower(), "complaint power");

    assertEquals(Decision.WINNER, hours.decision(), "chat acknowledges faster and lower is better");
    assertEquals(
        Decision.INCONCLUSIVE_UNDERPOWERED,
        satisfaction.decision(),
        "p < 0.05 alone, not after Holm");
    assertEquals(Decision.INCONCLUSIVE_UNDERPOWERED, complaint.decision());
  }

  @Test
  void smallerFamilyLetsOrdinalWin() {
    ExperimentSpec spec =
        new ExperimentSpec(
            "support_channel",
            "email",
            List.of(
                new MetricSpec("hours_to_ack", MetricKind.CONTINUOUS, Better.LOWER),
                new MetricSpec("satisfaction", MetricKind.ORDINAL, Better.HIGHER)));
    ExperimentResult r =
        ExperimentAnalysis.analyse(spec, supportSamples(), Map.of("email", 1000L, "chat", 1000L));
    // multipletests([1.3576951328814859e-11, 0.030193778709945725], method='holm')[1]
    //   -> [2.7153902657629717e-11, 0.030193778709945725]
    rel(2.7153902657629717e-11, r.comparisons().get(0).pValueHolm(), "hours holm");
    rel(0.030193778709945725, r.comparisons().get(1).pValueHolm(), "satisfaction holm");
    assertEquals(Decision.WINNER, r.comparisons().get(1).decision());
  }

  @Test
  void lowerIsBetterSignificantIncreaseLoses() {
    ExperimentSpec spec =
        new ExperimentSpec(
            "support_channel",
            "chat",
            List.of(new MetricSpec("hours_to_ack", MetricKind.CONTINUOUS, Better.LOWER)));
    ExperimentResult r =
        ExperimentAnalysis.analyse(spec, supportSamples(), Map.of("email", 1000L, "chat", 1000L));
    assertEquals("email", r.comparisons().get(0).variant());
    assertEquals(Decision.LOSER, r.comparisons().get(0).decision());
    rel(0.0, r.comparisons().get(0).chanceToBeatControl(), "chance");
  }

  @Test
  void sampleRatioMismatchInvalidatesEverything() {
    ExperimentSpec spec =
        new ExperimentSpec(
            "support_channel",
            "email",
            List.of(
                new MetricSpec("hours_to_ack", MetricKind.CONTINUOUS, Better.LOWER),
                new MetricSpec("complaint", MetricKind.BINARY, Better.LOWER)));
    // chisquare([1000, 1300]) -> pvalue=3.9641597078900225e-10
    ExperimentResult r =
        ExperimentAnalysis.analyse(spec, supportSamples(), Map.of("email", 1000L, "chat", 1300L));
    assertTrue(r.srm().mismatch());
    rel(3.9641597078900225e-10, r.srm().pValue(), "srm p");
    for (Comparison c : r.comparisons()) {
      assertEquals(Decision.INVALID_SRM, c.decision(), c.metric());
    }
    // the statistics are still reported
    rel(1.3576951328814859e-11, r.comparisons().get(0).pValue(), "hours p");
  }

  @Test
  void threeVariantsShareOneFamily() {
    ExperimentSpec spec =
        new ExperimentSpec("abc", "A", List.of(new MetricSpec("converted", MetricKind.BINARY)));
    Map<String, MetricSample> conv =
        Map.of(
            "A",
            new BinarySample(1000, 120),
            "C",
            new BinarySample(1000, 131),
            "B",
            new BinarySample(1000, 150));
    ExperimentResult r =
        ExperimentAnalysis.analyse(
            spec, Map.of("converted", conv), Map.of("C", 1000L, "A", 1000L, "B", 1000L));
    assertEquals(List.of("B", "C"), r.comparisons().stream().map(Comparison::variant).toList());
    // proportions_ztest([150, 120], [1000, 1000]) p=0.04964038686536878;
    // proportions_ztest([131, 120], [1000, 1000]) p=0.4578057206260471;
    // multipletests([...], method='holm')[1] -> [0.09928077373073756, 0.4578057206260471]
    rel(0.04964038686536878, r.comparisons().get(0).pValue(), "B p");
    rel(0.09928077373073756, r.comparisons().get(0).pValueHolm(), "B holm");
    rel(0.4578057206260471, r.comparisons().get(1).pValueHolm(), "C holm");
    assertEquals(2, r.srm().degreesOfFreedom());
  }

  @Test
  void singleUnitGroupIsInsufficientDataNotACrash() {
    ExperimentSpec spec =
        new ExperimentSpec(
            "tiny",
            "A",
            List.of(
                new MetricSpec("hours", MetricKind.CONTINUOUS, Better.LOWER),
                new MetricSpec("converted", MetricKind.BINARY),
                new MetricSpec("rating", MetricKind.ORDINAL)));
    Map<String, Map<String, MetricSample>> samples = new LinkedHashMap<>();
    samples.put(
        "hours",
        Map.of(
            "A",
            ContinuousSample.of(new double[] {3.0}),
            "B",
            ContinuousSample.of(new double[] {2.0, 4.0, 5.0})));
    samples.put(
        "converted", Map.of("A", new BinarySample(1000, 120), "B", new BinarySample(1000, 150)));
    samples.put("rating", Map.of("A", OrdinalSample.of(4, 5), "B", OrdinalSample.of()));
    ExperimentResult r = ExperimentAnalysis.analyse(spec, samples, Map.of("A", 1000L, "B", 1000L));

    Comparison hours = r.comparisons().get(0);
    assertEquals(Decision.INSUFFICIENT_DATA, hours.decision());
    assertEquals(3.0, hours.controlValue());
    rel(11.0 / 3, hours.variantValue(), "variant mean");
    assertTrue(Double.isNaN(hours.pValue()) && Double.isNaN(hours.pValueHolm()));
    assertNull(AbResults.finite(hours.pValue()));
    assertNull(AbResults.finite(hours.absoluteCiLower()));
    assertEquals("insufficient_data", hours.decision().label());

    Comparison rating = r.comparisons().get(2);
    assertEquals(Decision.INSUFFICIENT_DATA, rating.decision());
    assertEquals(0, rating.variantUnits());
    assertTrue(Double.isNaN(rating.variantValue()));

    // the family is the one comparison that could be tested: holm p = raw p
    Comparison converted = r.comparisons().get(1);
    rel(0.04964038686536878, converted.pValueHolm(), "holm of the only tested comparison");
    assertEquals(
        Decision.WINNER, converted.decision(), "p = 0.0496 needs no correction in a family of one");
  }

  @Test
  void zeroVarianceGroups() {
    ExperimentSpec spec =
        new ExperimentSpec(
            "constant",
            "A",
            List.of(
                new MetricSpec("same", MetricKind.CONTINUOUS),
                new MetricSpec("shifted", MetricKind.CONTINUOUS)));
    Map<String, Map<String, MetricSample>> samples = new LinkedHashMap<>();
    samples.put(
        "same",
        Map.of("A", new ContinuousSample(500, 4.0, 0.0), "B", new ContinuousSample(500, 4.0, 0.0)));
    samples.put(
        "shifted",
        Map.of("A", new ContinuousSample(500, 4.0, 0.0), "B", new ContinuousSample(500, 5.0, 0.0)));
    ExperimentResult r = ExperimentAnalysis.analyse(spec, samples, Map.of("A", 500L, "B", 500L));
    Comparison same = r.comparisons().get(0);
    assertEquals(1.0, same.pValue());
    assertEquals(0.0, same.absoluteCiLower());
    assertEquals(0.5, same.chanceToBeatControl());
    assertEquals(1.0, same.achievedPower());
    assertEquals(Decision.NO_SIGNIFICANT_DIFFERENCE, same.decision());
    Comparison shifted = r.comparisons().get(1);
    assertEquals(0.0, shifted.pValue());
    assertEquals(1.0, shifted.chanceToBeatControl());
    assertNull(AbResults.finite(shifted.testStatistic()), "infinite t is not valid JSON");
    assertEquals(Decision.WINNER, shifted.decision());
  }

  @Test
  void cupedThroughTheAnalysis() {
    double[] yc = {19.8, 22.9, 20.8, 18.3, 17.7, 17.7, 22.6, 22.6, 18.5};
    double[] xc = {20.0, 21.2, 18.9, 16.4, 18.2, 16.0, 20.2, 25.4, 18.0};
    double[] yv = {17.4, 16.1, 16.4, 20.6, 17.6, 26.3, 22.2, 22.7, 17.0, 20.4, 22.9};
    double[] xv = {13.4, 15.8, 13.6, 20.1, 15.9, 22.1, 21.6, 20.3, 10.9, 18.8, 20.8};
    ExperimentSpec spec =
        new ExperimentSpec("cuped", "control", List.of(new MetricSpec("y", MetricKind.CONTINUOUS)));
    ExperimentResult r =
        ExperimentAnalysis.analyse(
            spec,
            Map.of(
                "y", Map.of("control", CupedSample.of(yc, xc), "variant", CupedSample.of(yv, xv))),
            Map.of("control", 9L, "variant", 11L));
    Comparison c = r.comparisons().get(0);
    // See CupedAdjustmentTest: theta 0.6782138000459177, pooled reduction 0.7003372725748513,
    // adjusted means 19.430829050621366 / 20.511139867673432, Welch on adjusted values
    // p=0.11157213783934505
    assertEquals("welch_t_test_cuped", c.testName());
    rel(0.6782138000459177, c.cupedTheta(), "theta");
    rel(0.7003372725748513, c.varianceReduction(), "variance reduction");
    rel(19.430829050621366, c.controlValue(), "adjusted control mean");
    rel(20.511139867673432, c.variantValue(), "adjusted variant mean");
    rel(0.11157213783934505, c.pValue(), "p");
    rel(-0.2761389508035599, c.absoluteCiLower(), "ci lower");
    rel(2.4367605849076917, c.absoluteCiUpper(), "ci upper");
  }

  @Test
  void storedLabelsAndAbsentFigures() {
    ExperimentSpec spec =
        new ExperimentSpec(
            "ab_data", "control", List.of(new MetricSpec("converted", MetricKind.BINARY)));
    Comparison c =
        ExperimentAnalysis.analyse(
                spec,
                Map.of(
                    "converted",
                    Map.of(
                        "control",
                        new BinarySample(145274, 17489),
                        "treatment",
                        new BinarySample(145310, 17264))),
                Map.of("control", 145274L, "treatment", 145310L))
            .comparisons()
            .get(0);
    assertEquals("binary", c.kind().label());
    assertEquals("higher", c.better().label());
    assertEquals(145274L, c.controlUnits());
    assertNull(AbResults.finite(c.degreesOfFreedom()));
    assertNull(AbResults.finite(c.cupedTheta()));
    assertEquals("no_significant_difference", c.decision().label());
  }

  @Test
  void badInputNamesTheProblem() {
    ExperimentSpec spec =
        new ExperimentSpec(
            "bad", "control", List.of(new MetricSpec("converted", MetricKind.BINARY)));
    Map<String, Long> units = Map.of("control", 10L, "variant", 10L);
    Map<String, MetricSample> ok =
        Map.of("control", new BinarySample(10, 1), "variant", new BinarySample(10, 2));

    IllegalArgumentException missingMetric =
        assertThrows(
            IllegalArgumentException.class,
            () -> ExperimentAnalysis.analyse(spec, Map.of(), units));
    assertTrue(missingMetric.getMessage().contains("converted"));

    IllegalArgumentException missingVariant =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ExperimentAnalysis.analyse(
                    spec, Map.of("converted", Map.of("control", new BinarySample(10, 1))), units));
    assertTrue(missingVariant.getMessage().contains("variant"));

    IllegalArgumentException wrongKind =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ExperimentAnalysis.analyse(
                    spec,
                    Map.of(
                        "converted",
                        Map.of(
                            "control",
                            new BinarySample(10, 1),
                            "variant",
                            new ContinuousSample(10, 0.2, 0.1))),
                    units));
    assertTrue(
        wrongKind.getMessage().contains("binary") && wrongKind.getMessage().contains("continuous"));

    IllegalArgumentException noControl =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ExperimentAnalysis.analyse(
                    spec, Map.of("converted", ok), Map.of("variant", 10L, "other", 10L)));
    assertTrue(noControl.getMessage().contains("control"));

    IllegalArgumentException singleVariant =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ExperimentAnalysis.analyse(spec, Map.of("converted", ok), Map.of("control", 10L)));
    assertTrue(singleVariant.getMessage().contains("two variants"));

    assertThrows(IllegalArgumentException.class, () -> new BinarySample(10, 11));
    assertThrows(IllegalArgumentException.class, () -> new ContinuousSample(5, 1.0, -0.5));
    assertThrows(
        IllegalArgumentException.class, () -> ContinuousSample.of(new double[] {1.0, Double.NaN}));
  }
}
