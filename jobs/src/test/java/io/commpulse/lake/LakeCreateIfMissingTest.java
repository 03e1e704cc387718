package io.commpulse.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A table created ahead of its writers: empty, shaped by its contract, created once. */
class LakeCreateIfMissingTest {
  private static final TableContract TABLE = SchemaCatalog.get().table("bronze.quarantine");

  @Test
  void createsAnEmptyTableOfTheContractOnce() {
    Lake lake = new Lake(TestSpark.session(), TestSpark.tempDir("lake-create").toString());
    assertEquals(OptionalLong.empty(), lake.versionIfExists(TABLE));

    lake.createIfMissing(TABLE);
    lake.createIfMissing(TABLE);

    assertEquals(OptionalLong.of(0), lake.versionIfExists(TABLE), "one commit for two calls");
    assertEquals(0, lake.read(TABLE).count());
    assertEquals(TABLE.columnNames(), List.of(lake.read(TABLE).columns()));
    assertEquals(
        List.of("month"),
        lake.spark()
            .sql("DESCRIBE DETAIL delta.`" + lake.path(TABLE) + "`")
            .select("partitionColumns")
            .first()
            .getList(0),
        "partitioned as the contract says");
  }
}
