package io.commpulse.experiments;

import static io.commpulse.experiments.Close.rel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.commpulse.testing.RealData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test reference {@link Winsorisation} against numpy 2.4.6 {@code np.percentile} (default
 * 'linear') and {@code np.clip}.
 */
class WinsorisationTest {

  private static final double[] VALUES = {
    3.0, 120.0, 7.5, 1.0, 44.0, 2.0, 9.0, 15.0, 5000.0, 8.0, 6.0
  };

  @Test
  void percentilesMatchNumpyLinear() {
    // np.percentile(VALUES, [0, 2.5, 50, 90, 99.9, 100]) -> [1.0, 1.25, 8.0, 120.0,
    // 4951.20000000001, 5000.0]
    double[] q = {0, 2.5, 50, 90, 99.9, 100};
    double[] expected = {1.0, 1.25, 8.0, 120.0, 4951.20000000001, 5000.0};
    for (int i = 0; i < q.length; i++) {
      rel(expected[i], Winsorisation.percentile(VALUES, q[i]), "P" + q[i]);
    }
    // np.percentile([42.0], 99.9) -> 42.0
    assertEquals(42.0, Winsorisation.percentile(new double[] {42.0}, 99.9));
  }

  @Test
  void capsOnlyTheUpperTail() {
    // np.clip(VALUES, None, np.percentile(VALUES, 90))
    assertArrayEquals(
        new double[] {3.0, 120.0, 7.5, 1.0, 44.0, 2.0, 9.0, 15.0, 120.0, 8.0, 6.0},
        Winsorisation.capAbove(VALUES, 90),
        1e-12);
  }

  @Test
  void leavesInputUntouchedAndRejectsNonsense() {
    double[] copy = VALUES.clone();
    Winsorisation.capAbove(VALUES, 50);
    assertArrayEquals(copy, VALUES);
    assertThrows(IllegalArgumentException.class, () -> Winsorisation.percentile(VALUES, 101));
    assertThrows(IllegalArgumentException.class, () -> Winsorisation.percentile(new double[0], 50));
  }

  /**
   * cookie_cats.csv sum_gamerounds, capped at the 99.9th percentile over both versions together,
   * then compared with Welch's t-test. References (pandas 3.1.1, numpy 2.4.6, scipy 1.17.1):
   *
   * <pre>
   *   cap = np.percentile(df.sum_gamerounds.astype(float), 99.9)        -> 1073.6240000000107
   *   w = np.clip(df.sum_gamerounds.astype(float), None, cap)
   *   gate_30: n=44700, mean=51.03090791946309, var(ddof=1)=9492.8777592011
   *   gate_40: n=45489, mean=50.93526347028953, var(ddof=1)=9676.185579332316
   *   ttest_ind(w[gate_40], w[gate_30], equal_var=False)
   *     -> statistic=-0.14669748196453783, pvalue=0.8833711341172604, df=90181.32276248837,
   *        ci=(-1.37352726765137, 1.182238369304245)
   * </pre>
   */
  @Test
  void cookieCatsGameRoundsWinsorised() throws IOException {
    Path csv = RealData.file("cookie_cats.csv");
    List<String> versions = new ArrayList<>();
    List<Double> rounds = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(csv)) {
      String header = in.readLine();
      assertEquals("userid,version,sum_gamerounds,retention_1,retention_7", header);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        versions.add(f[1]);
        rounds.add(Double.parseDouble(f[2]));
      }
    }
    double[] all = rounds.stream().mapToDouble(Double::doubleValue).toArray();
    rel(1073.6240000000107, Winsorisation.percentile(all, 99.9), "cap");
    double[] capped = Winsorisation.capAbove(all, 99.9);
    double[] gate30 = select(capped, versions, "gate_30");
    double[] gate40 = select(capped, versions, "gate_40");
    ContinuousSample c = ContinuousSample.of(gate30);
    ContinuousSample v = ContinuousSample.of(gate40);
    assertEquals(44700, c.n());
    assertEquals(45489, v.n());
    rel(51.03090791946309, c.mean(), "gate_30 mean");
    rel(9492.8777592011, c.variance(), "gate_30 variance");
    rel(50.93526347028953, v.mean(), "gate_40 mean");
    rel(9676.185579332316, v.variance(), "gate_40 variance");
    TestOutcome t = WelchTTest.run(c, v);
    rel(-0.14669748196453783, t.statistic(), "t");
    rel(0.8833711341172604, t.pValue(), "p");
    rel(90181.32276248837, t.degreesOfFreedom(), "df");
    rel(-1.37352726765137, t.ciLower(), "ci lower");
    rel(1.182238369304245, t.ciUpper(), "ci upper");
  }

  private static double[] select(double[] values, List<String> versions, String version) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (versions.get(i).equals(version)) {
        out.add(values[i]);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
