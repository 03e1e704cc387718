package io.commpulse.experiments;

/**
 * Records and units left out of an experiment's analysis, reported with its results rather than
 * dropped silently.
 *
 * @param incompleteRecords records without a unit or a variant
 * @param inconsistentRecords records that contradict their own variant (see {@link
 *     RecordLayout#consistent()})
 * @param duplicateUnits units recorded more than once in the same variant; each is analysed once,
 *     from its earliest record
 * @param duplicateRecords the extra records of those units, excluded (k − 1 for a unit recorded k
 *     times)
 * @param multiVariantUnits units recorded in more than one variant, excluded with all their records
 */
public record Exclusions(
    long incompleteRecords,
    long inconsistentRecords,
    long duplicateUnits,
    long duplicateRecords,
    long multiVariantUnits) {

  public static final Exclusions NONE = new Exclusions(0, 0, 0, 0, 0);

  public Exclusions plus(Exclusions o) {
    return new Exclusions(
        incompleteRecords + o.incompleteRecords,
        inconsistentRecords + o.inconsistentRecords,
        duplicateUnits + o.duplicateUnits,
        duplicateRecords + o.duplicateRecords,
        multiVariantUnits + o.multiVariantUnits);
  }
}
