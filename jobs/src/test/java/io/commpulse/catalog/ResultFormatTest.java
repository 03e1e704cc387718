package io.commpulse.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class ResultFormatTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("department", DataTypes.StringType)
          .add("change", DataTypes.LongType)
          .add("share", DataTypes.DoubleType)
          .add("at", DataTypes.TimestampType);

  private static String render(ResultFormat format, StructType schema, Row... rows)
      throws IOException {
    StringWriter out = new StringWriter();
    format.write(schema, List.of(rows).iterator(), out);
    return out.toString();
  }

  @Test
  void csvDefusesFormulasInTextButKeepsNegativeNumbers() throws IOException {
    String csv =
        render(
            ResultFormat.CSV,
            SCHEMA,
            RowFactory.create("=HYPERLINK(\"http://x\",\"y\")", -3L, -0.25, null),
            RowFactory.create("+1", 0L, 1.0, null),
            RowFactory.create("-2+3", 1L, 0.5, null),
            RowFactory.create("@SUM(A1)", 2L, null, null),
            RowFactory.create("\tcmd", 3L, 0.1, null),
            RowFactory.create("sales, east", 4L, 0.2, null));
    assertEquals(
        String.join(
            "\n",
            "department,change,share,at",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3,-0.25,",
            "'+1,0,1.0,",
            "'-2+3,1,0.5,",
            "'@SUM(A1),2,,",
            "'\tcmd,3,0.1,",
            "\"sales, east\",4,0.2,",
            ""),
        csv);
  }

  @Test
  void csvQuotesLineBreaksAndDefusesHeaders() throws IOException {
    StructType schema = new StructType().add("=x", DataTypes.StringType);
    assertEquals("'=x\n\"a\nb\"\n", render(ResultFormat.CSV, schema, RowFactory.create("a\nb")));
  }

  @Test
  void timestampsPrintAsUtcWhateverTheJvmZone() throws IOException {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
      Row row =
          RowFactory.create("HR", 1L, 0.5, Timestamp.from(Instant.parse("2026-10-01T08:30:00Z")));
      assertTrue(render(ResultFormat.CSV, SCHEMA, row).endsWith("HR,1,0.5,2026-10-01T08:30:00Z\n"));
      assertTrue(
          render(ResultFormat.JSON, SCHEMA, row).contains("\"at\":\"2026-10-01T08:30:00Z\""));
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void jsonIsAnArrayOfTypedObjectsWithNullForNaN() throws IOException {
    StructType schema =
        new StructType()
            .add("name", DataTypes.StringType)
            .add("n", DataTypes.LongType)
            .add("x", DataTypes.DoubleType)
            .add("ok", DataTypes.BooleanType)
            .add("tags", DataTypes.createArrayType(DataTypes.StringType));
    String json =
        render(
            ResultFormat.JSON,
            schema,
            RowFactory.create(
                "a\"b",
                7L,
                Double.NaN,
                true,
                CollectionConverters.asScala(List.of("x", "y")).toSeq()),
            RowFactory.create(null, null, 2.5, null, null));
    assertEquals(
        "[\n{\"name\":\"a\\\"b\",\"n\":7,\"x\":null,\"ok\":true,\"tags\":[\"x\",\"y\"]},\n"
            + "{\"name\":null,\"n\":null,\"x\":2.5,\"ok\":null,\"tags\":null}\n]\n",
        json);
    assertEquals("[\n]\n", render(ResultFormat.JSON, schema));
  }

  @Test
  void tableAlignsColumnsAndCountsChineseAsDoubleWidth() throws IOException {
    StructType schema =
        new StructType().add("title", DataTypes.StringType).add("n", DataTypes.LongType);
    String table =
        render(
            ResultFormat.TABLE, schema, RowFactory.create("新政策", 5L), RowFactory.create(null, 12L));
    assertEquals(
        String.join(
            "\n",
            "+--------+----+",
            "| title  | n  |",
            "+--------+----+",
            "| 新政策 |  5 |",
            "| NULL   | 12 |",
            "+--------+----+",
            "(2 rows)",
            ""),
        table);
  }
}
