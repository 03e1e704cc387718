package io.commpulse.surveys;

import io.commpulse.cli.UserError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-group suppression for anonymous survey figures. A group below the threshold is withheld
 * (primary); then further groups of the same breakdown are withheld (complementary) until the
 * withheld groups together hold at least the threshold and are at least two, so that subtracting
 * the published groups from the published total never isolates a small group.
 */
public final class Anonymity {
  public static final int DEFAULT_MIN_GROUP = 5;
  public static final int FLOOR = 3;

  public enum Reason { SMALL_GROUP, COMPLEMENTARY }

  private Anonymity() {}

  public static int checkedThreshold(int minGroup) {
    if (minGroup < FLOOR) {
      throw new UserError("the anonymity threshold must be at least " + FLOOR + " respondents, got " + minGroup);
    }
    return minGroup;
  }

  /**
   * Decides which groups of one breakdown to withhold.
   *
   * @param groupSizes respondents per group (the parts of a published total)
   * @return the withheld groups with their reason; groups not in the map are published
   * @throws io.commpulse.cli.UserError when {@code minGroup} is below {@link #FLOOR}
   */
  public static Map<String, Reason> suppress(Map<String, Long> groupSizes, int minGroup) {
    checkedThreshold(minGroup);
    Map<String, Reason> withheld = new HashMap<>();
    groupSizes.forEach((group, n) -> {
      if (n < minGroup) {
        withheld.put(group, Reason.SMALL_GROUP);
      }
    });
    if (withheld.isEmpty()) {
      return withheld;
    }
    List<Map.Entry<String, Long>> candidates = new ArrayList<>(groupSizes.entrySet());
    candidates.sort(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Long> candidate : candidates) {
      long withheldTotal = withheld.keySet().stream().mapToLong(groupSizes::get).sum();
      if (withheld.size() >= 2 && withheldTotal >= minGroup) {
        break;
      }
      withheld.putIfAbsent(candidate.getKey(), Reason.COMPLEMENTARY);
    }
    return withheld;
  }

}
