package io.commpulse.surveys;

import io.commpulse.errors.UserError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Small-group suppression for anonymous survey figures. A group below the threshold is withheld
 * (primary); then further groups of the same breakdown are withheld (complementary) until the
 * withheld groups together hold at least the threshold and are at least two, so that subtracting
 * the published groups from the published total never isolates a small group.
 */
public final class Anonymity {
  public static final int DEFAULT_MIN_GROUP = 5;
  public static final int FLOOR = 3;

  public enum Reason {
    SMALL_GROUP,
    COMPLEMENTARY
  }

  private Anonymity() {}

  public static int checkedThreshold(int minGroup) {
    if (minGroup < FLOOR) {
      throw new UserError(
          "the anonymity threshold must be at least " + FLOOR + " respondents, got " + minGroup);
    }
    return minGroup;
  }

  /**
   * Decides which groups of one breakdown to withhold.
   *
   * @param groupSizes respondents per group (the parts of a published total)
   * @return the withheld groups with their reason; groups not in the map are published
   * @throws io.commpulse.errors.UserError when {@code minGroup} is below {@link #FLOOR}
   */
  public static Map<String, Reason> suppress(Map<String, Long> groupSizes, int minGroup) {
    return suppress(groupSizes, minGroup, Set.of());
  }

  /**
   * As {@link #suppress(Map, int)}, with {@code forced} groups withheld whatever their size (they
   * are withheld in a linked breakdown); the complementary rule then covers them too.
   */
  static Map<String, Reason> suppress(
      Map<String, Long> groupSizes, int minGroup, Set<String> forced) {
    checkedThreshold(minGroup);
    Map<String, Reason> withheld = new HashMap<>();
    groupSizes.forEach(
        (group, n) -> {
          if (n < minGroup) {
            withheld.put(group, Reason.SMALL_GROUP);
          } else if (forced.contains(group)) {
            withheld.put(group, Reason.COMPLEMENTARY);
          }
        });
    if (withheld.isEmpty()) {
      return withheld;
    }
    List<Map.Entry<String, Long>> candidates = new ArrayList<>(groupSizes.entrySet());
    candidates.sort(
        Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Long> candidate : candidates) {
      long withheldTotal = withheld.keySet().stream().mapToLong(groupSizes::get).sum();
      if (withheld.size() >= 2 && withheldTotal >= minGroup) {
        break;
      }
      withheld.putIfAbsent(candidate.getKey(), Reason.COMPLEMENTARY);
    }
    return withheld;
  }

  /**
   * Suppression over several breakdowns of the same respondents by the same groups (one per survey
   * question). Suppressing each on its own lets the complementary choice differ between questions,
   * and then a group published in one question gives away, by subtraction from the total of
   * another, the respondent count of the small group withheld beside it there. So a group withheld
   * in any breakdown is withheld in all of them, repeated until no breakdown adds a group. A
   * breakdown whose total is itself below the threshold publishes nothing (its groups are all
   * small), so nothing can be subtracted from it and its groups force nothing elsewhere.
   *
   * @param sizesByBreakdown respondents per group, per breakdown (e.g. per question)
   * @return per breakdown, the withheld groups with their reason
   */
  public static Map<String, Map<String, Reason>> suppressConsistently(
      Map<String, Map<String, Long>> sizesByBreakdown, int minGroup) {
    Set<String> withheldAnywhere = new TreeSet<>();
    Map<String, Map<String, Reason>> result = new TreeMap<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      // In name order, so that the same sizes always give the same cells whatever map was passed.
      for (Map.Entry<String, Map<String, Long>> breakdown :
          new TreeMap<>(sizesByBreakdown).entrySet()) {
        Map<String, Reason> withheld = suppress(breakdown.getValue(), minGroup, withheldAnywhere);
        result.put(breakdown.getKey(), withheld);
        if (total(breakdown.getValue()) >= minGroup) {
          grew |= withheldAnywhere.addAll(withheld.keySet());
        }
      }
    }
    return result;
  }

  private static long total(Map<String, Long> groupSizes) {
    return groupSizes.values().stream().mapToLong(Long::longValue).sum();
  }
}
