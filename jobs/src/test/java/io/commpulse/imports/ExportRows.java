package io.commpulse.imports;

import io.commpulse.testing.TestSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Small in-memory exports shaped as {@link ExportFile#read} returns them: text columns, corrupt
 * record, record number.
 */
final class ExportRows {
  private final List<String> header;
  private final List<Row> rows = new ArrayList<>();

  private ExportRows(List<String> header) {
    this.header = header;
  }

  static ExportRows of(String... header) {
    return new ExportRows(List.of(header));
  }

  ExportRows row(String... fields) {
    Object[] values = Arrays.copyOf(fields, header.size() + 2, Object[].class);
    values[header.size()] = null;
    values[header.size() + 1] = (long) rows.size() + 1;
    rows.add(RowFactory.create(values));
    return this;
  }

  /** A record whose field count did not match the header: only the corrupt text is set. */
  ExportRows malformed(String line) {
    Object[] values = new Object[header.size() + 2];
    values[header.size()] = line;
    values[header.size() + 1] = (long) rows.size() + 1;
    rows.add(RowFactory.create(values));
    return this;
  }

  Dataset<Row> dataset() {
    StructType schema = new StructType();
    for (String column : header) {
      schema = schema.add(column, DataTypes.StringType, true);
    }
    schema =
        schema
            .add(SourceFields.CORRUPT, DataTypes.StringType, true)
            .add(SourceFields.RECORD, DataTypes.LongType, false);
    return TestSpark.session().createDataFrame(rows, schema);
  }

  /** Candidate rows by key, each as column -> value (problems as "code: message" strings). */
  static Map<String, Map<String, Object>> byKey(Dataset<Row> candidates) {
    Map<String, Map<String, Object>> result = new HashMap<>();
    for (Row row : candidates.collectAsList()) {
      Map<String, Object> fields = new HashMap<>();
      for (String name : row.schema().fieldNames()) {
        Object value = row.getAs(name);
        if (name.equals(SourceFields.PROBLEMS)) {
          List<String> problems = new ArrayList<>();
          for (Row p : row.<Row>getList(row.fieldIndex(name))) {
            problems.add(p.getString(0) + ": " + p.getString(1));
          }
          value = problems;
        }
        fields.put(name, value);
      }
      result.put(row.getAs(SourceFields.KEY), fields);
    }
    return result;
  }
}
