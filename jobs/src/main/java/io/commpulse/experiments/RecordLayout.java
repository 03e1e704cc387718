package io.commpulse.experiments;

import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Where each assignment record names its experiment, unit and variant, and which records the
 * analysis may use.
 *
 * @param experimentId the experiment of a record; never null
 * @param unit the randomised unit (user, employee); a record without one is incomplete
 * @param variant the variant the unit was assigned to; a record without one is incomplete
 * @param splitWeight the configured traffic share of the record's variant, or a null literal when
 *     not configured
 * @param order a number that orders a unit's records (smaller = earlier): a unit recorded twice in
 *     the same variant is analysed from its earliest record
 * @param consistent false for a record that contradicts its own variant (a control user who saw the
 *     new page); such records are excluded and counted, a null counts as false
 */
public record RecordLayout(
    Column experimentId,
    Column unit,
    Column variant,
    Column splitWeight,
    Column order,
    Column consistent) {

  public RecordLayout {
    Objects.requireNonNull(experimentId, "experiment id");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(splitWeight, "split weight");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(consistent, "consistency");
  }

  /** Records of one experiment in file order, without configured weights, all consistent. */
  public static RecordLayout singleExperiment(String experimentId, Column unit, Column variant) {
    return new RecordLayout(
        functions.lit(experimentId),
        unit,
        variant,
        functions.lit(null).cast("double"),
        functions.monotonically_increasing_id(),
        functions.lit(true));
  }

  public RecordLayout withConsistency(Column rule) {
    return new RecordLayout(experimentId, unit, variant, splitWeight, order, rule);
  }
}
