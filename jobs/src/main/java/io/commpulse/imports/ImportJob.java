package io.commpulse.imports;

import static io.commpulse.imports.SourceFields.MONTH;
import static io.commpulse.imports.SourceFields.PROBLEMS;
import static io.commpulse.imports.SourceFields.RECORDS;
import static io.commpulse.imports.SourceFields.problem;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs one adapter over one export: maps, checks the accounting, writes landing files and the
 * unmapped report.
 */
public final class ImportJob {
  private final SparkSession spark;
  private final SchemaCatalog catalog;

  public ImportJob(SparkSession spark, SchemaCatalog catalog) {
    this.spark = spark;
    this.catalog = catalog;
  }

  public ImportReport run(ImportAdapter adapter, Path input, Path out) {
    TableContract contract = catalog.table("landing." + adapter.source());
    try (ExportFile export = ExportFile.open(input)) {
      Candidates candidates = adapter.map(spark, export, contract);
      Dataset<Row> rows =
          withMonthChecked(candidates.rows()).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        return write(adapter, contract, candidates, rows, out);
      } finally {
        rows.unpersist();
        candidates.input().unpersist();
      }
    }
  }

  private ImportReport write(
      ImportAdapter adapter,
      TableContract contract,
      Candidates candidates,
      Dataset<Row> rows,
      Path out) {
    Dataset<Row> mapped = rows.where(size(col(PROBLEMS)).equalTo(0));
    Dataset<Row> unmapped = rows.where(size(col(PROBLEMS)).gt(0));
    Column isMapped = size(col(PROBLEMS)).equalTo(0);
    Row tally =
        rows.agg(
                count(lit(1)),
                count_if(isMapped),
                count_if(not(isMapped)),
                sum(when(not(isMapped), col(RECORDS))))
            .first();
    long units = tally.getLong(0);
    long mappedCount = tally.getLong(1);
    long unmappedCount = tally.getLong(2);
    long recordsUnmapped = tally.isNullAt(3) ? 0 : tally.getLong(3);
    if (units != candidates.expectedUnits() || units != mappedCount + unmappedCount) {
      throw new IllegalStateException(
          String.format(
              "import accounting broken for %s: the export holds %d %ss, the adapter made %d = %d mapped + %d unmapped;"
                  + " nothing was written",
              adapter.format(),
              candidates.expectedUnits(),
              candidates.unit(),
              units,
              mappedCount,
              unmappedCount));
    }
    Map<String, Long> byReason = new TreeMap<>();
    for (Row r :
        unmapped.groupBy(col(PROBLEMS).getItem(0).getField("code")).count().collectAsList()) {
      byReason.put(r.getString(0), r.getLong(1));
    }
    List<Column> landing = new ArrayList<>();
    contract.columnNames().forEach(c -> landing.add(col(c)));
    landing.add(col(MONTH));
    LandingWriter writer = new LandingWriter(out, adapter.format());
    Map<String, Long> perMonth =
        writer.write(contract, mapped.select(landing.toArray(Column[]::new)));
    Path unmappedFile = writer.writeUnmapped(contract, unmapped);
    return new ImportReport(
        adapter.format(),
        adapter.source(),
        candidates.inputRecords(),
        candidates.unit(),
        units,
        mappedCount,
        unmappedCount,
        recordsUnmapped,
        perMonth,
        byReason,
        unmappedFile);
  }

  /**
   * A row that maps but has no month cannot be placed in a landing folder: that is a problem too.
   */
  static Dataset<Row> withMonthChecked(Dataset<Row> rows) {
    return rows.withColumn(
        PROBLEMS,
        when(
                size(col(PROBLEMS)).equalTo(0).and(col(MONTH).isNull()),
                array(
                    problem(
                        "missing_value",
                        lit("no month folder: the timestamp that picks it is empty"))))
            .otherwise(col(PROBLEMS)));
  }
}
