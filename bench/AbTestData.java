import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic A/B test export for the ab-test benchmark: one row per assignment record with
 * unit_id, variant (control / treatment, 50/50), converted (0/1), revenue (continuous, heavy right tail),
 * rating (1-5) and pre_revenue (pre-period covariate). About 0.1% of units are logged twice in their variant
 * and 0.01% in both variants, so the exclusion counting does real work.
 *
 * <p>Usage: {@code java bench/AbTestData.java UNITS OUT.csv [SEED]}
 */
public class AbTestData {
  public static void main(String[] args) throws IOException {
    long units = Long.parseLong(args[0]);
    Path out = Path.of(args[1]);
    SplittableRandom rnd = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 42);
    Files.createDirectories(out.toAbsolutePath().getParent());
    StringBuilder line = new StringBuilder(64);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
      w.write("unit_id,variant,converted,revenue,rating,pre_revenue\n");
      for (long u = 1; u <= units; u++) {
        boolean treated = rnd.nextBoolean();
        double habit = Math.exp(3 + 0.8 * gaussian(rnd));
        double lift = treated ? 1.01 : 1.0;
        int converted = rnd.nextDouble() < (treated ? 0.102 : 0.100) ? 1 : 0;
        double revenue = habit * lift * Math.exp(0.5 * gaussian(rnd));
        int rating = (int) Math.max(1, Math.min(5, Math.round(3.5 + (treated ? 0.02 : 0) + gaussian(rnd))));
        double pre = habit * Math.exp(0.3 * gaussian(rnd));
        write(w, line, u, treated ? "treatment" : "control", converted, revenue, rating, pre);
        double r = rnd.nextDouble();
        if (r < 0.001) {
          write(w, line, u, treated ? "treatment" : "control", converted, revenue, rating, pre);
        } else if (r < 0.0011) {
          write(w, line, u, treated ? "control" : "treatment", converted, revenue, rating, pre);
        }
      }
    }
  }

  private static void write(BufferedWriter w, StringBuilder line, long unit, String variant, int converted,
      double revenue, int rating, double pre) throws IOException {
    line.setLength(0);
    line.append('U').append(unit).append(',').append(variant).append(',').append(converted).append(',');
    cents(line, revenue).append(',').append(rating).append(',');
    cents(line, pre).append('\n');
    w.append(line);
  }

  /** Two decimals without String.format, which would dominate the run time. */
  private static StringBuilder cents(StringBuilder line, double value) {
    long c = Math.round(value * 100);
    long rest = c % 100;
    return line.append(c / 100).append('.').append(rest < 10 ? "0" : "").append(rest);
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
