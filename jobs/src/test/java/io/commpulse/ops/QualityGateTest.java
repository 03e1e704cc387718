package io.commpulse.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.ops.QualityGate.SourceState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityGateTest {
  private static final List<String> SOURCES = List.of("roster", "tickets");

  @Test
  void passesWhenEverySourceConservesRowsWithinTheLimit() {
    Map<String, SourceState> states =
        Map.of(
            "roster", new SourceState("roster", 100, 98, 2, 98, 2),
            "tickets", new SourceState("tickets", 1000, 950, 50, 950, 50));
    assertEquals(List.of(), QualityGate.violations(SOURCES, states, 0.05));
  }

  @Test
  void reportsEveryViolationWithItsSource() {
    Map<String, SourceState> states =
        Map.of(
            // 51 of 1000 quarantined = 5.1% > 5%; audit also does not add up (949 + 51 = 1000 !=
            // 1001).
            "tickets", new SourceState("tickets", 1001, 949, 51, 900, 51));
    List<String> problems = QualityGate.violations(SOURCES, states, 0.05);
    assertEquals(4, problems.size(), problems.toString());
    assertEquals("roster: not ingested for this month", problems.get(0));
    assertEquals("tickets: rows read 1001 != accepted 949 + quarantined 51", problems.get(1));
    assertTrue(
        problems.get(2).startsWith("tickets: tables hold 900 bronze and 51 quarantined rows"),
        problems.get(2));
    assertEquals("tickets: 5.09% of rows quarantined, above the limit of 5.00%", problems.get(3));
  }
}
