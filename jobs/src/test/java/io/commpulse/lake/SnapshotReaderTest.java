package io.commpulse.lake;

import static org.apache.spark.sql.functions.input_file_name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.ContractRowMaker;
import io.commpulse.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading tables at pinned versions without Spark, against what Spark reads of the same tables. */
class SnapshotReaderTest {
  private static final SchemaCatalog CATALOG = SchemaCatalog.get();
  private static final TableContract COVERAGE = CATALOG.table("gold.coverage");
  private static final TableContract EMPLOYEES = CATALOG.table("silver.employees");
  private static final TableContract AUDIT = CATALOG.table("ops.ingest_audit");
  private static final TableContract DECISIONS = CATALOG.table("silver.decisions");

  private Lake lake;
  private SnapshotReader reader;

  @BeforeEach
  void newLake() {
    Path dir = TestSpark.tempDir("commpulse-snapshots");
    lake = new Lake(TestSpark.session(), dir.toString());
    reader = TestSpark.snapshots(lake);
  }

  @Test
  void aMonthIsReadAsItWasAtEachVersion() {
    List<Row> september = ContractRowMaker.rows(COVERAGE, "2026-09", 0, 4);
    List<Row> october = ContractRowMaker.rows(COVERAGE, "2026-10", 100, 6);
    List<Row> octoberAgain = ContractRowMaker.rows(COVERAGE, "2026-10", 200, 3);
    assertEquals(OptionalLong.empty(), reader.versionIfExists(COVERAGE), "before the first write");
    write(COVERAGE, september, "2026-09");
    write(COVERAGE, october, "2026-10");
    write(COVERAGE, octoberAgain, "2026-10");
    long last = reader.versionIfExists(COVERAGE).getAsLong();

    assertEquals(
        new HashSet<>(october),
        new HashSet<>(reader.readMonth(COVERAGE, "2026-10", last - 1)),
        "October before its rerun");
    assertEquals(
        new HashSet<>(octoberAgain),
        new HashSet<>(reader.readMonth(COVERAGE, "2026-10", last)),
        "October after its rerun");
    assertEquals(
        new HashSet<>(september),
        new HashSet<>(reader.readMonth(COVERAGE, "2026-09", last)),
        "September, untouched by October's rerun");
    assertEquals(
        september.size() + octoberAgain.size(), reader.read(COVERAGE, last).size(), "every month");
    assertTrue(reader.readMonth(COVERAGE, "2026-08", last).isEmpty(), "a month never written");
  }

  @Test
  void datesAndIntegersAndAMonthThatIsNotAPartition() {
    List<Row> employees = ContractRowMaker.rows(EMPLOYEES, "2026-10", 0, 5);
    write(EMPLOYEES, employees, "2026-10");
    assertEquals(
        new HashSet<>(employees),
        new HashSet<>(reader.readMonth(EMPLOYEES, "2026-10", 0)),
        "silver.employees");

    List<Row> audit = new ArrayList<>(ContractRowMaker.rows(AUDIT, "2026-09", 0, 3));
    audit.addAll(ContractRowMaker.rows(AUDIT, "2026-10", 50, 4));
    lake.append(AUDIT, TestSpark.session().createDataFrame(audit, AUDIT.sparkSchema()));
    assertEquals(
        new HashSet<>(audit.subList(3, 7)),
        new HashSet<>(reader.readMonth(AUDIT, "2026-10", 0)),
        "ops.ingest_audit is not partitioned by month; its October rows only");
  }

  @Test
  void rowsComeInTheOrderSparkCollectsThem() {
    List<Row> october = ContractRowMaker.rows(COVERAGE, "2026-10", 0, 60);
    // Three files of 40, 15 and 5 rows, one commit each: Spark reads the largest first, whatever
    // the order of the commits.
    for (List<Row> file :
        List.of(october.subList(0, 40), october.subList(40, 55), october.subList(55, 60))) {
      lake.append(
          COVERAGE, TestSpark.session().createDataFrame(file, COVERAGE.sparkSchema()).coalesce(1));
    }
    Dataset<Row> written = lake.readMonthAtVersion(COVERAGE, "2026-10", 2);
    assertEquals(3, written.select(input_file_name()).distinct().count(), "files");
    List<Row> spark = written.collectAsList();
    assertEquals(60, spark.size());
    assertEquals(spark, reader.readMonth(COVERAGE, "2026-10", 2));
  }

  @Test
  void arraysOfStringsAsSparkCollectsThem() {
    write(DECISIONS, ContractRowMaker.rows(DECISIONS, "2026-10", 0, 8), "2026-10");
    List<Row> spark = lake.readMonthAtVersion(DECISIONS, "2026-10", 0).collectAsList();
    List<Row> read = reader.readMonth(DECISIONS, "2026-10", 0);
    assertEquals(spark, read);
    assertEquals(spark.toString(), read.toString(), "the same text, element by element");
    assertTrue(
        read.stream().anyMatch(r -> r.getList(r.fieldIndex("channels")).isEmpty()),
        "an empty array is among them");
  }

  private void write(TableContract table, List<Row> rows, String month) {
    lake.replaceMonth(table, TestSpark.session().createDataFrame(rows, table.sparkSchema()), month);
  }
}
