package io.commpulse.reliability;

import static io.commpulse.reliability.Baseline.MONTH;
import static io.commpulse.reliability.Baseline.OTHER_MONTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two runs against the same lake at once. Delta's optimistic concurrency lets both commit when they
 * touch different months of a table, and rejects the later commit when they overlap; the rejected
 * run must say so in one line, leave no partial data, and succeed when rerun.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentRunsTest {
  private static final String CONFLICT = "error: another run changed ";
  private Baseline.Data baseline;
  private Path logs;

  @BeforeAll
  void prepare() {
    baseline = Baseline.get();
    logs = baseline.root().resolve("logs/concurrent");
  }

  /** Starts the runs together, waits for all, and reruns every one that lost a conflict. */
  private List<Launcher.Finished> together(String name, List<String[]> runs) {
    List<Launcher.Started> started = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      started.add(Baseline.launcher().start(logs, name + "-" + i, runs.get(i)));
    }
    List<Launcher.Finished> finished =
        started.stream().map(Launcher.Started::await).collect(Collectors.toList());
    for (int i = 0; i < finished.size(); i++) {
      Launcher.Finished run = finished.get(i);
      if (run.exitCode() != 0) {
        assertEquals(1, run.exitCode(), run.stderr());
        assertEquals(1, run.errorLines().size(), "one error line: " + run.stderr());
        assertTrue(
            run.errorLines().get(0).startsWith(CONFLICT)
                && run.errorLines().get(0).endsWith("Rerun the command"),
            "a failed concurrent run must fail on the conflict, with a clear message: "
                + run.stderr());
        Baseline.launcher().run(logs, name + "-" + i + "-rerun", runs.get(i)).assertSucceeded();
      }
    }
    return finished;
  }

  private String[] ingest(String source, String month, Path lake) {
    return new String[] {
      "ingest",
      "--source",
      source,
      "--month",
      month,
      "--landing",
      baseline.landing().toString(),
      "--lake",
      lake.toString()
    };
  }

  @Test
  void twoIngestsOfTheSameMonthAtOnceLeaveTheUndisturbedMonth() {
    Path lake = Baseline.copyOfLake("concurrent-same-month");
    together("same-month", List.of(ingest("tickets", MONTH, lake), ingest("tickets", MONTH, lake)));
    LakeSnapshot.of(lake).assertSameAs(baseline.snapshot(), "two ingests of the same month");
  }

  @Test
  void twoGoldRunsOfTheSameMonthAtOnceLeaveTheUndisturbedMonth() {
    Path lake = Baseline.copyOfLake("concurrent-gold");
    String[] gold = {"gold", "--month", MONTH, "--lake", lake.toString()};
    together("same-month-gold", List.of(gold, gold));
    LakeSnapshot.of(lake).assertSameAs(baseline.snapshot(), "two gold runs of the same month");
  }

  @Test
  void ingestsOfTwoMonthsAtOnceOnAnExistingTableBothLand() {
    Path lake = Baseline.copyOfLake("concurrent-two-months");
    together(
        "two-months",
        List.of(ingest("tickets", OTHER_MONTH, lake), ingest("tickets", MONTH, lake)));
    LakeSnapshot.of(lake, MONTH).assertSameAs(baseline.snapshot(), "the month run beside another");
    LakeSnapshot otherMonth = LakeSnapshot.of(lake, OTHER_MONTH);
    // The other month as a run on its own would leave it: a rerun must not change it.
    Baseline.launcher()
        .run(logs, "two-months-reference", ingest("tickets", OTHER_MONTH, lake))
        .assertSucceeded();
    LakeSnapshot.of(lake, OTHER_MONTH)
        .assertSameAs(otherMonth, "the other month, against a run on its own");
    assertTrue(
        otherMonth.tables().get("bronze.tickets").size() > 1000, "the other month was written");
  }

  @Test
  void ingestsOfTwoMonthsAtOnceIntoANewLakeBothLand() {
    // Both runs create the tables: the loser of the race for version 0 must fail cleanly.
    Path lake = baseline.root().resolve("concurrent-new-lake");
    together(
        "new-lake", List.of(ingest("roster", OTHER_MONTH, lake), ingest("roster", MONTH, lake)));
    LakeSnapshot month = LakeSnapshot.of(lake, MONTH);
    assertEquals(
        baseline.snapshot().tables().get("bronze.roster"), month.tables().get("bronze.roster"));
    LakeSnapshot otherMonth = LakeSnapshot.of(lake, OTHER_MONTH);
    Baseline.launcher()
        .run(logs, "new-lake-reference", ingest("roster", OTHER_MONTH, lake))
        .assertSucceeded();
    LakeSnapshot.of(lake, OTHER_MONTH)
        .assertSameAs(otherMonth, "the other month, against a run on its own");
  }
}
