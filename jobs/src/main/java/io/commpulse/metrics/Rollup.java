package io.commpulse.metrics;

/**
 * The roll-up row of a gold table: the value its breakdown columns (department, channel, platform,
 * segment, ...) hold in the row that totals every group.
 */
public final class Rollup {
  public static final String ALL = "ALL";

  private Rollup() {}
}
