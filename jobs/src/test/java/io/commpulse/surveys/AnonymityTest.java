package io.commpulse.surveys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.surveys.Anonymity.Reason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which groups of one breakdown are withheld; sizes and expected choices worked out by hand. */
class AnonymityTest {

  @Test
  void nothingIsWithheldWhenEveryGroupIsLargeEnough() {
    assertEquals(Map.of(), Anonymity.suppress(Map.of("ENG", 8L, "SALES", 5L), 5));
  }

  @Test
  void aSmallGroupTakesTheSmallestOtherGroupWithIt() {
    // HR (3) is below 5. Alone it could be recovered as ALL - ENG - SALES - FIN, so the smallest
    // other
    // group, FIN (5), is withheld too: together 8 >= 5 respondents in 2 groups.
    Map<String, Reason> withheld =
        Anonymity.suppress(Map.of("ENG", 8L, "SALES", 6L, "HR", 3L, "FIN", 5L), 5);
    assertEquals(Map.of("HR", Reason.SMALL_GROUP, "FIN", Reason.COMPLEMENTARY), withheld);
  }

  @Test
  void aGroupWithheldInOneQuestionIsWithheldInTheOthers() {
    // q1 withholds HR (3) and FIN (5); q2 would publish both, but then q2's FIN count, subtracted
    // with ENG from q1's total, would give HR's. So q2 withholds them too.
    Map<String, Map<String, Reason>> withheld =
        Anonymity.suppressConsistently(
            Map.of(
                "q1", Map.of("ENG", 8L, "HR", 3L, "FIN", 5L),
                "q2", Map.of("ENG", 8L, "HR", 5L, "FIN", 5L)),
            5);
    assertEquals(
        Map.of("HR", Reason.COMPLEMENTARY, "FIN", Reason.COMPLEMENTARY), withheld.get("q2"));
  }

  @Test
  void aQuestionWithTooFewRespondentsInAllForcesNothingElsewhere() {
    // q2 has 2 + 2 = 4 respondents: its total and both groups are withheld, it publishes nothing
    // to subtract from, so q1 publishes ENG and SALES.
    Map<String, Map<String, Reason>> withheld =
        Anonymity.suppressConsistently(
            Map.of(
                "q1", Map.of("ENG", 8L, "SALES", 6L),
                "q2", Map.of("ENG", 2L, "SALES", 2L)),
            5);
    assertEquals(Map.of(), withheld.get("q1"));
    assertEquals(
        Map.of("ENG", Reason.SMALL_GROUP, "SALES", Reason.SMALL_GROUP), withheld.get("q2"));
  }

  @Test
  void twoSmallGroupsThatTogetherReachTheThresholdNeedNoMore() {
    assertEquals(
        Map.of("HR", Reason.SMALL_GROUP, "FIN", Reason.SMALL_GROUP),
        Anonymity.suppress(Map.of("ENG", 8L, "HR", 2L, "FIN", 4L), 5));
  }

  @Test
  void twoSmallGroupsBelowTheThresholdTogetherTakeAThird() {
    // 1 + 2 = 3 < 5: the next smallest, SALES (6), joins; ties in size would go alphabetically.
    assertEquals(
        Map.of("A", Reason.SMALL_GROUP, "B", Reason.SMALL_GROUP, "SALES", Reason.COMPLEMENTARY),
        Anonymity.suppress(Map.of("A", 1L, "B", 2L, "SALES", 6L, "ZED", 6L, "ENG", 9L), 5));
  }

  @Test
  void complementaryTiesGoToTheAlphabeticallyFirstGroup() {
    assertEquals(
        Map.of("HR", Reason.SMALL_GROUP, "FIN", Reason.COMPLEMENTARY),
        Anonymity.suppress(Map.of("HR", 1L, "SALES", 7L, "FIN", 7L), 5));
  }

  @Test
  void theThresholdIsConfigurableButNeverBelowThree() {
    assertEquals(Map.of(), Anonymity.suppress(Map.of("HR", 3L, "ENG", 8L), 3));
    assertEquals(
        Map.of("HR", Reason.SMALL_GROUP, "ENG", Reason.COMPLEMENTARY),
        Anonymity.suppress(Map.of("HR", 3L, "ENG", 8L), 4));
    assertEquals(3, Anonymity.checkedThreshold(3));
    assertThrows(UserError.class, () -> Anonymity.checkedThreshold(2));
    assertThrows(
        UserError.class,
        () -> Anonymity.suppress(Map.of("HR", 1L, "ENG", 8L), 2),
        "suppression itself refuses a threshold below the floor");
    assertThrows(UserError.class, () -> Anonymity.suppress(Map.of("HR", 1L, "ENG", 8L), 0));
  }

  /**
   * The subtraction attack on group sizes, for many random breakdowns: whatever is not published is
   * what ALL minus the published groups gives. That remainder must never be a single small group:
   * it is empty, or it spans at least two groups holding at least the threshold, or it is the whole
   * total and the total itself is below the threshold (and so suppressed too).
   */
  @Test
  void subtractingPublishedGroupsFromTheTotalNeverIsolatesAGroup() {
    SplittableRandom random = new SplittableRandom(20261031);
    for (int trial = 0; trial < 20_000; trial++) {
      int minGroup = 3 + random.nextInt(5);
      int groups = 1 + random.nextInt(7);
      Map<String, Long> sizes = new LinkedHashMap<>();
      for (int g = 0; g < groups; g++) {
        sizes.put("D" + g, 1L + random.nextInt(15));
      }
      Map<String, Reason> withheld = Anonymity.suppress(sizes, minGroup);
      long total = sizes.values().stream().mapToLong(Long::longValue).sum();
      long remainder = withheld.keySet().stream().mapToLong(sizes::get).sum();
      String context = "sizes " + sizes + ", threshold " + minGroup + ", withheld " + withheld;
      sizes.forEach(
          (group, n) ->
              assertTrue(n >= minGroup || withheld.get(group) == Reason.SMALL_GROUP, context));
      if (withheld.isEmpty()) {
        continue;
      }
      boolean safeRemainder = withheld.size() >= 2 && remainder >= minGroup;
      boolean totalSuppressed = withheld.size() == sizes.size() && total < minGroup;
      assertTrue(safeRemainder || totalSuppressed, context);
      // Not over-cautious: without the last (largest) complementary group the rule would not hold
      // yet.
      withheld.entrySet().stream()
          .filter(e -> e.getValue() == Reason.COMPLEMENTARY)
          .map(Map.Entry::getKey)
          .max(java.util.Comparator.<String>comparingLong(sizes::get).thenComparing(g -> g))
          .ifPresent(
              last ->
                  assertTrue(
                      withheld.size() - 1 < 2 || remainder - sizes.get(last) < minGroup, context));
    }
  }
}
