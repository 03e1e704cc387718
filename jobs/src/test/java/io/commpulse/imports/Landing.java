package io.commpulse.imports;

import io.commpulse.ingest.BronzeIngest;
import io.commpulse.lake.Lake;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.testing.TestSpark;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads back what an import wrote, the way ingest reads it, and runs ingest over it. */
final class Landing {
  private Landing() {}

  static Dataset<Row> csv(Path out, String source, String format) {
    return TestSpark.session()
        .read()
        .option("header", "true")
        .option("multiLine", "true")
        .option("escape", "\"")
        .csv(out.resolve(source) + "/*/" + format + ".csv");
  }

  static Dataset<Row> jsonl(Path out, String source, String format) {
    return TestSpark.session().read().json(out.resolve(source) + "/*/" + format + ".jsonl");
  }

  static Dataset<Row> unmapped(Path out, String source, String format) {
    return TestSpark.session()
        .read()
        .option("header", "true")
        .option("multiLine", "true")
        .option("escape", "\"")
        .csv(out.resolve(source).resolve("unmapped-" + format + ".csv").toString());
  }

  /** Ingests one imported month into a fresh lake and returns ingest's accounting. */
  static BronzeIngest.Outcome ingest(Path out, String source, YearMonth month) {
    Lake lake =
        new Lake(TestSpark.session(), TestSpark.tempDir("commpulse-import-lake").toString());
    return new BronzeIngest(lake, SchemaCatalog.get(), out.toString())
        .ingest(source, month, Instant.now());
  }
}
