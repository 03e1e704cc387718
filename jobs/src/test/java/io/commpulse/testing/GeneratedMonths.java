package io.commpulse.testing;

import io.commpulse.generate.SampleDataGenerator;
import io.commpulse.schema.SchemaCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Sample landing months generated once per test JVM and shared between test classes. */
public final class GeneratedMonths {
  private static final Map<String, Path> CACHE = new HashMap<>();

  private GeneratedMonths() {}

  /** A landing root holding one generated month; do not modify it (use {@link #fresh} for that). */
  public static synchronized Path get(YearMonth month, double scale, long seed, double dirtyRate) {
    String key = month + "/" + scale + "/" + seed + "/" + dirtyRate;
    return CACHE.computeIfAbsent(key, k -> fresh(month, scale, seed, dirtyRate));
  }

  /** A newly generated landing root, deleted when the JVM exits. */
  public static Path fresh(YearMonth month, double scale, long seed, double dirtyRate) {
    Path out = TestSpark.tempDir("commpulse-landing-");
    new SampleDataGenerator(SchemaCatalog.get(), month, scale, seed, dirtyRate, out).generateAll();
    return out;
  }

  public static void deleteOnExit(Path root) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
  }

  public static void delete(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a temp folder left behind is harmless
    }
  }
}
