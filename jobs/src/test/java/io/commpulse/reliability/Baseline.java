package io.commpulse.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One undisturbed monthly run, shared by the slow reliability tests: a generated dirty month run
 * end to end with a distinctive pseudonymisation key and Spark event logs switched on. Every
 * disturbed run is compared with it. When {@value #SHARED_FOLDER} names a folder, the JVMs that run
 * the suite's classes side by side (scripts/test.sh) share one baseline there: the first builds it,
 * the others wait for it and read it back.
 */
final class Baseline {
  static final String MONTH = "2026-09";
  static final String OTHER_MONTH = "2026-08";

  /** Distinctive enough that finding it anywhere is certainly a leak, not a coincidence. */
  static final String KEY = "rel1ab1l1ty-K3Y-do-not-leak-9f8e7d";

  record Data(
      Path root,
      Path landing,
      Path lake,
      Path eventLogs,
      Launcher.Finished run,
      LakeSnapshot snapshot) {}

  static final String SHARED_FOLDER = "COMMPULSE_RELIABILITY_BASELINE";

  private static final String RUN = "baseline-run";
  private static final String LANDING = "landing";
  private static final String LAKE = "baseline-lake";
  private static final String EVENT_LOGS = "spark-events";

  private static Data data;

  private Baseline() {}

  static synchronized Data get() {
    if (data == null) {
      String shared = System.getenv(SHARED_FOLDER);
      data =
          shared == null || shared.isBlank()
              ? build(TestSpark.tempDir("commpulse-reliability"))
              : sharedIn(Path.of(shared));
    }
    return data;
  }

  /** Builds the baseline in root under a lock other JVMs wait for, or reads back theirs. */
  private static Data sharedIn(Path root) {
    Path built = root.resolve(".built");
    try {
      Files.createDirectories(root);
      try (FileChannel channel =
              FileChannel.open(
                  root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (Files.exists(built)) {
          return readBack(root);
        }
        Data fresh = build(root);
        Files.createFile(built);
        return fresh;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Data readBack(Path root) throws IOException {
    Path logs = root.resolve("logs");
    return at(
        root,
        new Launcher.Finished(
            RUN,
            0,
            Files.readString(logs.resolve(RUN + ".out"), StandardCharsets.UTF_8),
            Files.readString(logs.resolve(RUN + ".err"), StandardCharsets.UTF_8)));
  }

  private static Data at(Path root, Launcher.Finished run) {
    Path lake = root.resolve(LAKE);
    return new Data(
        root, root.resolve(LANDING), lake, root.resolve(EVENT_LOGS), run, LakeSnapshot.of(lake));
  }

  private static Data build(Path root) {
    Path landing = root.resolve(LANDING);
    Path lake = root.resolve(LAKE);
    Path eventLogs = root.resolve(EVENT_LOGS);
    try {
      Files.createDirectories(eventLogs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Launcher launcher = new Launcher();
    for (String month : List.of(MONTH, OTHER_MONTH)) {
      launcher
          .run(
              root.resolve("logs"),
              "generate-" + month,
              "generate",
              "--month",
              month,
              "--scale",
              "0.01",
              "--seed",
              month.equals(MONTH) ? "11" : "12",
              "--dirty-rate",
              "0.02",
              "--out",
              landing.toString())
          .assertSucceeded();
    }
    Launcher.Finished run =
        new Launcher()
            .env("COMMPULSE_PSEUDONYM_KEY", KEY)
            .env(
                "COMMPULSE_JAVA_OPTS",
                Launcher.JAVA_OPTS
                    + " -Dspark.eventLog.enabled=true"
                    + " -Dspark.eventLog.dir="
                    + eventLogs.toUri())
            .run(
                root.resolve("logs"),
                RUN,
                "run",
                "--month",
                MONTH,
                "--landing",
                landing.toString(),
                "--lake",
                lake.toString())
            .assertSucceeded();
    return at(root, run);
  }

  /** A launcher that runs with the baseline's key. */
  static Launcher launcher() {
    return new Launcher().env("COMMPULSE_PSEUDONYM_KEY", KEY);
  }

  /** A copy of the baseline lake (Delta tables hold relative paths, so a copy is a valid lake). */
  static Path copyOfLake(String name) {
    Path target = get().root().resolve(name);
    copyTree(get().lake(), target);
    return target;
  }

  static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Readers between two runs see, for every table and month, either nothing or a complete month
   * equal to the undisturbed run's: never a part of one. Quarantine is replaced per source, and the
   * audit only ever gains rows of completed ingests.
   */
  static void assertNoHalfWrittenMonth(Path lake, String when) {
    LakeSnapshot expected = get().snapshot();
    LakeSnapshot seen = LakeSnapshot.of(lake, MONTH);
    for (Map.Entry<String, List<String>> table : seen.tables().entrySet()) {
      List<String> want = expected.tables().get(table.getKey());
      List<String> got = table.getValue();
      String what = when + ": " + table.getKey();
      if (table.getKey().equals(LakeSnapshot.AUDIT)) {
        assertTrue(
            want.containsAll(got),
            what + " holds an accounting row the undisturbed run does not: " + got);
      } else if (table.getKey().equals("bronze.quarantine")) {
        Map<String, List<String>> gotBySource = bySource(got);
        Map<String, List<String>> wantBySource = bySource(want);
        gotBySource.forEach(
            (source, rows) ->
                assertEquals(
                    wantBySource.get(source),
                    rows,
                    what + " rows of source " + source + " are a partial set"));
      } else if (!got.isEmpty()) {
        assertEquals(want, got, what + " shows a partial or different month");
      }
    }
  }

  private static Map<String, List<String>> bySource(List<String> quarantineRows) {
    Map<String, List<String>> grouped = new TreeMap<>();
    for (String row : quarantineRows) {
      grouped
          .computeIfAbsent(row.substring(0, row.indexOf('\u241F')), s -> new ArrayList<>())
          .add(row);
    }
    return grouped;
  }

  static int commitCount(Path lake) {
    try (Stream<Path> files = Files.walk(lake)) {
      return (int)
          files
              .filter(
                  p ->
                      p.getParent() != null
                          && p.getParent().getFileName().toString().equals("_delta_log")
                          && p.getFileName().toString().matches("\\d{20}\\.json"))
              .count();
    } catch (IOException | UncheckedIOException e) {
      return -1; // a folder vanished while walking (Spark renames its temporary output): ask again
    }
  }

  /** Parquet files under the lake, committed or not. */
  static int dataFileCount(Path lake) {
    try (Stream<Path> files = Files.walk(lake)) {
      return (int) files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }
}
