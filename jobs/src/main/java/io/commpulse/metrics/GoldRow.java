package io.commpulse.metrics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record that is one row of a gold table: one component per contract column, in the
 * contract's order, named as the column in camelCase ({@code replied_24h_share} is {@code
 * replied24hShare}), boxed exactly where the column is nullable. The metric that writes the table
 * builds these records and the report reads them back; a test checks every marked record against
 * its contract.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GoldRow {
  /** The table, e.g. {@code gold.coverage}. */
  String value();
}
