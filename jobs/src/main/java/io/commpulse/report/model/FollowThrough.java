package io.commpulse.report.model;

import io.commpulse.customers.FollowupCoverageRow;
import io.commpulse.feedback.FeedbackLoopRow;
import io.commpulse.scorecard.DepartmentScorecardRow;
import io.commpulse.tickets.AutomationCandidateRow;
import java.util.List;
import java.util.Optional;

/**
 * The strategy's follow-through tables of the month. Each is empty when its table did not exist at
 * the pinned versions or holds no row for the month: a lake written before these tables existed
 * still renders.
 */
public record FollowThrough(
    Optional<List<DepartmentScorecardRow>> departments,
    Optional<List<AutomationCandidateRow>> automation,
    Optional<List<FollowupCoverageRow>> followups,
    Optional<List<FeedbackLoopRow>> feedback) {

  public FollowThrough {
    departments = present(departments);
    automation = present(automation);
    followups = present(followups);
    feedback = present(feedback);
  }

  /** None of the tables: what a lake from before them shows. */
  public static FollowThrough absent() {
    return new FollowThrough(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static <T> Optional<List<T>> present(Optional<List<T>> rows) {
    return rows.filter(r -> !r.isEmpty()).map(List::copyOf);
  }
}
