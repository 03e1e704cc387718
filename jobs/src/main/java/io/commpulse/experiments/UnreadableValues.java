package io.commpulse.experiments;

/**
 * Records whose value of a metric could not be read as the metric's kind (text in a numeric column,
 * 0.5 in a binary one).
 *
 * @param count how many records
 * @param example the smallest such raw value, to show the user; null when count is 0 or not looked
 *     up yet
 */
public record UnreadableValues(long count, String example) {

  public static final UnreadableValues NONE = new UnreadableValues(0, null);

  public UnreadableValues plus(UnreadableValues o) {
    String first =
        example == null
            ? o.example
            : o.example == null ? example : example.compareTo(o.example) <= 0 ? example : o.example;
    return new UnreadableValues(count + o.count, first);
  }
}
