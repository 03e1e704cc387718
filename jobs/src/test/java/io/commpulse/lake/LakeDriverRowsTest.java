package io.commpulse.lake;

import static org.apache.spark.sql.functions.input_file_name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.ContractRowMaker;
import io.commpulse.testing.TestSpark;
import java.util.HashSet;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** A month of rows the driver holds (a gold table) is written as one file. */
class LakeDriverRowsTest {
  private static final TableContract COVERAGE = SchemaCatalog.get().table("gold.coverage");

  @Test
  void aMonthOfDriverRowsIsOneFileWithEveryRow() {
    Lake lake =
        new Lake(TestSpark.session(), TestSpark.tempDir("commpulse-driver-rows").toString());
    List<Row> rows = ContractRowMaker.rows(COVERAGE, "2026-10", 0, 50);
    lake.replaceMonth(COVERAGE, rows, COVERAGE.sparkSchema(), "2026-10");

    Dataset<Row> month = lake.readMonth(COVERAGE, "2026-10");
    assertEquals(1, month.select(input_file_name()).distinct().count(), "files");
    assertEquals(new HashSet<>(rows), new HashSet<>(month.collectAsList()));
  }
}
