package io.commpulse.gold;

import static org.apache.spark.sql.functions.col;

import io.commpulse.lake.Lake;
import io.commpulse.metrics.DataCutoff;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * The cut-off of one month's figures for each source: whether the following month's batch of the
 * source has been delivered, as recorded by its successful ingest in {@code ops.ingest_audit}.
 */
final class Cutoffs {
  private final SchemaCatalog catalog;
  private final YearMonth month;
  private final Set<String> nextDelivered;

  private Cutoffs(SchemaCatalog catalog, YearMonth month, Set<String> nextDelivered) {
    this.catalog = catalog;
    this.month = month;
    this.nextDelivered = nextDelivered;
  }

  static Cutoffs of(Lake lake, SchemaCatalog catalog, YearMonth month) {
    TableContract audit = catalog.table("ops.ingest_audit");
    Set<String> delivered = new HashSet<>();
    if (lake.exists(audit)) {
      for (Row r :
          lake.read(audit)
              .where(col("month").equalTo(month.plusMonths(1).toString()))
              .select("source")
              .distinct()
              .collectAsList()) {
        delivered.add(r.getString(0));
      }
    }
    return new Cutoffs(catalog, month, delivered);
  }

  DataCutoff of(String source) {
    String zone = catalog.table("landing." + source).sourceTimezone();
    return DataCutoff.of(
        month, ZoneId.of(zone == null ? "UTC" : zone), nextDelivered.contains(source));
  }
}
