package io.commpulse.testing;

import io.commpulse.lake.Lake;
import io.commpulse.lake.SnapshotReader;
import io.commpulse.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession for the whole test JVM: a cold session costs seconds. */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      System.setProperty("spark.master", "local[2]");
      System.setProperty("spark.sql.shuffle.partitions", "2");
      System.setProperty("spark.default.parallelism", "2");
      System.setProperty("spark.ui.enabled", "false");
      System.setProperty("spark.sql.adaptive.enabled", "false");
      session = SparkSessions.getOrCreate("local[2]", "commpulse-tests");
    }
    return session;
  }

  /** A reader of the lake's tables at pinned versions, with the test session's Hadoop settings. */
  public static SnapshotReader snapshots(Lake lake) {
    return lake.snapshots();
  }

  /** The repository root, where schemas/ and the launcher live. */
  public static Path repoRoot() {
    return Paths.get(System.getProperty("commpulse.repo.root", "..")).toAbsolutePath().normalize();
  }

  /**
   * A new folder under the system's temporary folder, deleted with its contents when the JVM exits.
   */
  public static Path tempDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      GeneratedMonths.deleteOnExit(dir);
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
