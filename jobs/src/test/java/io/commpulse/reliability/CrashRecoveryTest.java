package io.commpulse.reliability;

import static io.commpulse.reliability.Baseline.MONTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SIGKILL in the middle of an ingest and of a gold write, at several points, on one lake: after
 * every kill no table shows part of a month, and the final reruns leave every table equal to the
 * undisturbed run's.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {
  private static final Duration WAIT = Duration.ofMinutes(30);
  private Baseline.Data baseline;
  private Path lake;
  private Path logs;

  @BeforeAll
  void prepare() {
    baseline = Baseline.get();
    lake = baseline.root().resolve("crash-lake");
    logs = baseline.root().resolve("logs/crash");
  }

  private Launcher.Started start(String name, String... args) {
    return Baseline.launcher().start(logs, name, args);
  }

  private String[] ingestAll() {
    return new String[] {
      "ingest",
      "--month",
      MONTH,
      "--landing",
      baseline.landing().toString(),
      "--lake",
      lake.toString()
    };
  }

  private static void assertKilled(Launcher.Finished killed) {
    assertEquals(137, killed.exitCode(), "exit status of a SIGKILLed JVM: " + killed.stderr());
  }

  @Test
  @Order(1)
  void killedRightAfterItsFirstCommitAnIngestLeavesWholeMonthsOrNothing() {
    Launcher.Started ingest = start("ingest-kill-first-commit", ingestAll());
    assertTrue(ingest.waitUntil(() -> Baseline.commitCount(lake) >= 1, WAIT), "no commit appeared");
    assertKilled(ingest.kill9());
    Baseline.assertNoHalfWrittenMonth(lake, "after a kill at the first commit of an ingest");
  }

  @Test
  @Order(2)
  void killedBetweenSourcesAnIngestLeavesWholeMonthsOrNothing() {
    Launcher.Started ingest = start("ingest-kill-between-sources", ingestAll());
    assertTrue(
        ingest.waitUntil(() -> ingest.stderrText().contains("commpulse ingest comm_log"), WAIT),
        "comm_log was not ingested: " + ingest.stderrText());
    assertKilled(ingest.kill9());
    Baseline.assertNoHalfWrittenMonth(lake, "after a kill between two sources");
  }

  @Test
  @Order(3)
  void killedWhileWritingFilesAnIngestLeavesWholeMonthsOrNothing() {
    // Kill while Spark writes the Parquet files of a commit: the quarantine's table folder has
    // gained
    // a data file but its _delta_log has not yet gained the commit that would make it visible.
    Launcher.Started ingest = start("ingest-kill-mid-write", ingestAll());
    assertTrue(
        ingest.waitUntil(
            () -> ingest.stderrText().contains("commpulse ingest acknowledgements"), WAIT),
        "acknowledgements was not ingested: " + ingest.stderrText());
    int files = Baseline.dataFileCount(lake);
    assertTrue(
        ingest.waitUntil(() -> Baseline.dataFileCount(lake) > files, WAIT),
        "no data file was written");
    assertKilled(ingest.kill9());
    Baseline.assertNoHalfWrittenMonth(lake, "after a kill during a write");
  }

  @Test
  @Order(4)
  void aCompleteRerunOfIngestAndSilverEqualsTheUndisturbedRun() {
    Baseline.launcher().run(logs, "ingest-rerun", ingestAll()).assertSucceeded();
    Baseline.launcher()
        .run(logs, "silver-rerun", "silver", "--month", MONTH, "--lake", lake.toString())
        .assertSucceeded();
    LakeSnapshot now = LakeSnapshot.of(lake);
    for (String table : now.tables().keySet()) {
      assertEquals(
          baseline.snapshot().tables().get(table), now.tables().get(table), "rerun: " + table);
    }
  }

  @Test
  @Order(5)
  void killedAtItsFirstCommitAGoldRunLeavesWholeMonthsOrNothing() {
    int before = Baseline.commitCount(lake);
    Launcher.Started gold =
        start("gold-kill-first-commit", "gold", "--month", MONTH, "--lake", lake.toString());
    assertTrue(
        gold.waitUntil(() -> Baseline.commitCount(lake) > before, WAIT), "gold committed nothing");
    assertKilled(gold.kill9());
    Baseline.assertNoHalfWrittenMonth(lake, "after a kill at the first gold commit");
  }

  @Test
  @Order(6)
  void killedInTheMiddleOfTheGoldTablesAGoldRunLeavesWholeMonthsOrNothing() {
    Launcher.Started gold =
        start("gold-kill-mid-run", "gold", "--month", MONTH, "--lake", lake.toString());
    assertTrue(
        gold.waitUntil(() -> gold.stderrText().contains("commpulse gold coverage"), WAIT),
        "coverage was not written: " + gold.stderrText());
    sleep(Duration.ofSeconds(3));
    assertKilled(gold.kill9());
    Baseline.assertNoHalfWrittenMonth(lake, "after a kill in the middle of gold");
  }

  @Test
  @Order(7)
  void afterAllTheKillsARerunLeavesEveryTableEqualToTheUndisturbedRun() {
    Baseline.launcher()
        .run(logs, "gold-rerun", "gold", "--month", MONTH, "--lake", lake.toString())
        .assertSucceeded();
    LakeSnapshot.of(lake).assertSameAs(baseline.snapshot(), "after kills and reruns");
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
