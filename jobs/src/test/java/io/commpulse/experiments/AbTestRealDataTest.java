package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.testing.RealData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code commpulse ab-test} on two public experiments (../shared/realdata, see its PROVENANCE.md),
 * read by Spark from the original CSV files. Statistical reference values are those of {@link
 * ExperimentAnalysisTest} (statsmodels 0.15.0, scipy 1.17.1); counts were recomputed from the files
 * with pandas 3.1.1 as shown at each test.
 */
class AbTestRealDataTest {

  private static Map<String, Object> row(List<Map<String, Object>> rows, String metric) {
    return rows.stream()
        .filter(r -> metric.equals(r.get("metric")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for metric " + metric + " in " + rows));
  }

  private static void close(double expected, Map<String, Object> row, String key) {
    Object actual = row.get(key);
    assertTrue(actual instanceof Number, () -> key + " should be a number, was " + actual);
    rel(expected, ((Number) actual).doubleValue(), key);
  }

  private static long count(Map<String, Object> row, String key) {
    return ((Number) row.get(key)).longValue();
  }

  /**
   * ab_data.csv: 294,478 rows. With the consistency rule, 3,893 rows whose group and landing_page
   * disagree are excluded and user 773192 (twice in treatment, both rows new_page and not
   * converted) is analysed once.
   *
   * <pre>
   *   df = pd.read_csv('ab_data.csv')
   *   ok = ((df.group == 'control') &amp; (df.landing_page == 'old_page'))
   *        | ((df.group == 'treatment') &amp; (df.landing_page == 'new_page'))
   *   (~ok).sum()                                                     -> 3893
   *   per = df[ok].groupby('user_id').agg(records=('group', 'size'), variants=('group', 'nunique'))
   *   (per.records.gt(1) &amp; per.variants.eq(1)).sum(), per.variants.gt(1).sum()   -> 1, 0
   *   df[ok].drop_duplicates('user_id').groupby('group').converted.agg(['sum', 'count'])
   *     -> control 17489 / 145274, treatment 17264 / 145310
   * </pre>
   *
   * then {@code proportions_ztest([17264, 17489], [145310, 145274])} -> z = -1.3109241984234394, p
   * = 0.18988337448195103, and the other figures as in {@link
   * ExperimentAnalysisTest#abDataConversion}.
   */
  @Test
  void abDataWithConsistencyRule() {
    CliRun run =
        CliRun.of(
            "ab-test",
            "--input",
            RealData.file("ab_data.csv").toString(),
            "--unit",
            "user_id",
            "--variant",
            "group",
            "--control",
            "control",
            "--metric",
            "converted:binary",
            "--expect",
            "control:landing_page=old_page",
            "--expect",
            "treatment:landing_page=new_page",
            "--format",
            "json");
    List<Map<String, Object>> rows = run.json();
    assertEquals(1, rows.size());
    Map<String, Object> c = rows.get(0);
    assertEquals("ab_data", c.get("experiment_id"));
    assertEquals("treatment", c.get("variant"));
    assertEquals("control", c.get("control_variant"));
    assertEquals(3893L, count(c, "inconsistent_records_excluded"));
    assertEquals(1L, count(c, "duplicate_units"));
    assertEquals(1L, count(c, "duplicate_records_excluded"));
    assertEquals(0L, count(c, "multi_variant_units_excluded"));
    assertEquals(0L, count(c, "incomplete_records_excluded"));
    assertEquals(145274L, count(c, "control_units"));
    assertEquals(145310L, count(c, "variant_units"));
    assertEquals(145274L, count(c, "control_assigned_units"));
    assertEquals(145310L, count(c, "variant_assigned_units"));
    close(17489.0 / 145274, c, "control_value");
    close(17264.0 / 145310, c, "variant_value");
    close(-0.0015782389853555567, c, "absolute_difference");
    close(-0.003937860245052737, c, "absolute_ci_lower");
    close(0.0007813822743416238, c, "absolute_ci_upper");
    close(-0.013109788458948057, c, "relative_lift");
    close(-0.032581397967056454, c, "relative_ci_lower");
    close(0.006361821049160339, c, "relative_ci_upper");
    assertEquals("two_proportion_z_test", c.get("test"));
    close(-1.3109241984234394, c, "test_statistic");
    close(0.18988337448195103, c, "p_value");
    close(0.18988337448195103, c, "p_value_holm");
    close(0.09494118879424318, c, "chance_to_beat_control");
    close(0.003372853785866371, c, "mde_absolute");
    close(0.998816476161563, c, "achieved_power");
    // chisquare([145274, 145310]) -> pvalue=0.9467543681597944
    close(0.9467543681597944, c, "srm_p_value");
    assertEquals(Boolean.FALSE, c.get("srm_flag"));
    close(0.5, c, "control_split_weight");
    assertEquals("no_significant_difference", c.get("decision"));
  }

  /**
   * Without the consistency rule, units are judged by their group alone: 1,895 users appear in both
   * groups and are excluded, 1,999 users appear twice in one group and are analysed from their
   * first row.
   *
   * <pre>
   *   per = df.groupby('user_id').agg(records=('group', 'size'), variants=('group', 'nunique'))
   *   multi = per.index[per.variants.gt(1)]                                  -> 1895 users
   *   single = per[per.variants.eq(1)]; single.records.gt(1).sum()           -> 1999
   *   kept = df[~df.user_id.isin(multi)].drop_duplicates('user_id', keep='first')
   *   kept.groupby('group').converted.agg(['sum', 'count'])  -> control 17349 / 144300, treatment 17166 / 144389
   *   proportions_ztest([17166, 17349], [144389, 144300])    -> z = -1.1108160388448178, p = 0.26664754127786905
   *   chisquare([144300, 144389])                            -> pvalue = 0.8684373649715974
   * </pre>
   */
  @Test
  void abDataWithoutConsistencyRuleExcludesUnitsInBothGroups() {
    List<Map<String, Object>> rows =
        CliRun.of(
                "ab-test",
                "--input",
                RealData.file("ab_data.csv").toString(),
                "--unit",
                "user_id",
                "--variant",
                "group",
                "--control",
                "control",
                "--metric",
                "converted:binary",
                "--format",
                "json")
            .json();
    Map<String, Object> c = rows.get(0);
    assertEquals(0L, count(c, "inconsistent_records_excluded"));
    assertEquals(1895L, count(c, "multi_variant_units_excluded"));
    assertEquals(1999L, count(c, "duplicate_units"));
    assertEquals(1999L, count(c, "duplicate_records_excluded"));
    assertEquals(144300L, count(c, "control_units"));
    assertEquals(144389L, count(c, "variant_units"));
    close(17349.0 / 144300, c, "control_value");
    close(17166.0 / 144389, c, "variant_value");
    close(-1.1108160388448178, c, "test_statistic");
    close(0.26664754127786905, c, "p_value");
    close(0.8684373649715974, c, "srm_p_value");
  }

  private static List<Map<String, Object>> runCookieCats(String... extra) {
    String[] base = {
      "ab-test",
      "--input",
      RealData.file("cookie_cats.csv").toString(),
      "--unit",
      "userid",
      "--variant",
      "version",
      "--control",
      "gate_30",
      "--metric",
      "retention_1:binary",
      "--metric",
      "retention_7:binary",
      "--metric",
      "sum_gamerounds:continuous",
      "--format",
      "json"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args).json();
  }

  /**
   * cookie_cats.csv, retention_1 / retention_7 as True/False and sum_gamerounds raw (with its
   * 49,854 outlier). Counts from pandas: gate_30 n=44700, retention_1 20034, retention_7 8502;
   * gate_40 n=45489, 20119, 8279. Figures as in {@link ExperimentAnalysisTest#cookieCatsRetention}:
   * proportions_ztest, Welch {@code ttest_ind(gate_40, gate_30, equal_var=False)}, Holm over the
   * three p-values.
   */
  @Test
  void cookieCats() {
    List<Map<String, Object>> rows = runCookieCats();
    assertEquals(3, rows.size());
    Map<String, Object> r1 = row(rows, "retention_1");
    assertEquals("gate_40", r1.get("variant"));
    assertEquals(44700L, count(r1, "control_units"));
    assertEquals(45489L, count(r1, "variant_units"));
    close(0.4481879194630872, r1, "control_value");
    close(0.44228274967574577, r1, "variant_value");
    close(-0.012392439449445219, r1, "absolute_ci_lower");
    close(0.0005820998747623034, r1, "absolute_ci_upper");
    close(-1.7840862247974725, r1, "test_statistic");
    close(0.07440965529691913, r1, "p_value");
    close(0.14881931059383827, r1, "p_value_holm");
    assertEquals("no_significant_difference", r1.get("decision"));

    Map<String, Object> r7 = row(rows, "retention_7");
    close(0.19020134228187918, r7, "control_value");
    close(0.18200004396667327, r7, "variant_value");
    close(-3.164358912748191, r7, "test_statistic");
    close(0.001554249975614329, r7, "p_value");
    close(0.004662749926842987, r7, "p_value_holm");
    close(-0.043119034896460184, r7, "relative_lift");
    close(-0.06924457700961774, r7, "relative_ci_lower");
    close(-0.016993492783302627, r7, "relative_ci_upper");
    close(0.0007779127868536274, r7, "chance_to_beat_control");
    close(0.9562767164314729, r7, "achieved_power");
    assertEquals("loser", r7.get("decision"), "gate_40 keeps fewer players for 7 days");

    Map<String, Object> rounds = row(rows, "sum_gamerounds");
    assertEquals("welch_t_test", rounds.get("test"));
    close(52.45626398210291, rounds, "control_value");
    close(51.29877552814966, rounds, "variant_value");
    close(-0.885437433127067, rounds, "test_statistic");
    close(58595.481422574, rounds, "degrees_of_freedom");
    close(0.37592438409326173, rounds, "p_value");
    close(-3.7197051164946457, rounds, "absolute_ci_lower");
    close(1.4047282085881476, rounds, "absolute_ci_upper");
    close(0.5185386559484544, rounds, "achieved_power");
    assertNull(rounds.get("winsorize_cap"));
    assertEquals("inconclusive_underpowered", rounds.get("decision"));
    // chisquare([44700, 45489]) -> pvalue=0.008607987810836262
    close(0.008607987810836262, rounds, "srm_p_value");
    assertEquals(Boolean.FALSE, rounds.get("srm_flag"));
  }

  /**
   * sum_gamerounds capped at np.percentile(df.sum_gamerounds, 99.9) = 1073.6240000000107 over both
   * versions, see {@link WinsorisationTest#cookieCatsGameRoundsWinsorised} and {@link
   * ExperimentAnalysisTest#cookieCatsGameRoundsWinsorised}. The retention metrics are unchanged.
   */
  @Test
  void cookieCatsWinsorised() {
    List<Map<String, Object>> rows = runCookieCats("--winsorize", "sum_gamerounds:0.999");
    Map<String, Object> rounds = row(rows, "sum_gamerounds");
    close(0.999, rounds, "winsorize_quantile");
    close(1073.6240000000107, rounds, "winsorize_cap");
    close(51.03090791946309, rounds, "control_value");
    close(50.93526347028953, rounds, "variant_value");
    close(-0.14669748196453783, rounds, "test_statistic");
    close(90181.32276248837, rounds, "degrees_of_freedom");
    close(0.8833711341172604, rounds, "p_value");
    close(-1.37352726765137, rounds, "absolute_ci_lower");
    close(1.182238369304245, rounds, "absolute_ci_upper");
    close(-0.001874245493035498, rounds, "relative_lift");
    close(0.4416854031018359, rounds, "chance_to_beat_control");
    close(0.9746223986307719, rounds, "achieved_power");
    assertEquals("no_significant_difference", rounds.get("decision"));
    assertNull(row(rows, "retention_7").get("winsorize_cap"));
    close(0.001554249975614329, row(rows, "retention_7"), "p_value");
  }

  @Test
  void tableFormatShowsExclusionsAndDecisions() {
    CliRun run =
        CliRun.of(
            "ab-test",
            "--input",
            RealData.file("ab_data.csv").toString(),
            "--unit",
            "user_id",
            "--variant",
            "group",
            "--control",
            "control",
            "--metric",
            "converted:binary",
            "--expect",
            "control:landing_page=old_page",
            "--expect",
            "treatment:landing_page=new_page");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().contains("ab_data: 290,584 units analysed (control 145,274, treatment 145,310)"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                "3,893 inconsistent records, 1 extra record of 1 unit recorded twice or more"),
        run.out());
    assertTrue(run.out().contains("no_significant_difference"), run.out());
    assertTrue(run.out().contains("z = -1.311"), run.out());
    assertFalse(run.out().contains("commpulse"), "progress lines belong on stderr");
  }
}
