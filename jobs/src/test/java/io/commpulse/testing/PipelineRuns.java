package io.commpulse.testing;

import io.commpulse.cli.CommPulse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The monthly pipeline ({@code commpulse run}, demo key) over a generated landing month into a
 * local lake, run once per test JVM and shared by the test classes that only read its tables: a run
 * costs a minute or more.
 */
public final class PipelineRuns {
  private static final Map<String, LocalRun> CACHE = new HashMap<>();

  /**
   * A landing root and the local lake the pipeline filled from it; read them, do not modify them.
   */
  public record LocalRun(Path landing, Path lake) {}

  private PipelineRuns() {}

  public static synchronized LocalRun local(YearMonth month, double scale, long seed) {
    return CACHE.computeIfAbsent(
        month + "/" + scale + "/" + seed,
        key -> {
          Path landing = GeneratedMonths.get(month, scale, seed, 0);
          Path lake = TestSpark.tempDir("commpulse-run-lake-");
          run(
              "run",
              "--month",
              month.toString(),
              "--landing",
              landing.toString(),
              "--lake",
              lake.toString(),
              "--demo-key");
          return new LocalRun(landing, lake);
        });
  }

  /**
   * Runs a command line in this JVM on the shared session; fails with its stderr unless it exits
   * with 0.
   */
  public static void run(String... args) {
    TestSpark.session();
    PrintStream stderr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = CommPulse.execute(args);
    } finally {
      System.setErr(stderr);
    }
    if (code != 0) {
      throw new AssertionError(
          "commpulse "
              + String.join(" ", args)
              + " exited with "
              + code
              + ":\n"
              + err.toString(StandardCharsets.UTF_8));
    }
  }
}
