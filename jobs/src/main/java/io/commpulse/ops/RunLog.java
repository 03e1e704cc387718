package io.commpulse.ops;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Progress lines on stderr, timestamped, so stdout stays clean for query results and JSON. */
public final class RunLog {
  private RunLog() {}

  public static void info(String format, Object... args) {
    System.err.println(
        Instant.now().truncatedTo(ChronoUnit.SECONDS)
            + " commpulse "
            + String.format(Locale.ROOT, format, args));
  }

  public static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }
}
