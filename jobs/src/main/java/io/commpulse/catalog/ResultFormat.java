package io.commpulse.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.commpulse.text.CsvField;
import io.commpulse.text.TextTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * How {@code commpulse sql} prints a result. Timestamps are printed as UTC instants ({@code
 * 2026-10-01T08:30:00Z}) whatever the JVM time zone, dates as {@code 2026-10-01}.
 */
public enum ResultFormat {
  /** Aligned columns for a terminal; NULL for missing values. */
  TABLE {
    @Override
    public void write(StructType schema, Iterator<Row> rows, Writer out) throws IOException {
      StructField[] fields = schema.fields();
      List<String> header = new ArrayList<>();
      boolean[] numeric = new boolean[fields.length];
      for (int i = 0; i < fields.length; i++) {
        header.add(fields[i].name());
        numeric[i] = fields[i].dataType() instanceof NumericType;
      }
      TextTable table = new TextTable(header, numeric);
      while (rows.hasNext()) {
        Row row = rows.next();
        List<String> line = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
          Object value = row.get(i);
          line.add(value == null ? NULL : text(value).replaceAll("\\R", " "));
        }
        table.add(line);
      }
      out.write(table.boxed());
      out.write("(" + table.rows() + (table.rows() == 1 ? " row)\n" : " rows)\n"));
    }
  },
  /**
   * RFC 4180 CSV with a header. Text cells that a spreadsheet would run as a formula (starting with
   * {@code = + - @}, tab or carriage return) get a leading apostrophe; numeric columns are written
   * as numbers.
   */
  CSV {
    @Override
    public void write(StructType schema, Iterator<Row> rows, Writer out) throws IOException {
      StructField[] fields = schema.fields();
      List<String> header = new ArrayList<>();
      for (StructField field : fields) {
        header.add(CsvField.quote(defuseFormula(field.name())));
      }
      out.write(String.join(",", header));
      out.write('\n');
      while (rows.hasNext()) {
        Row row = rows.next();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
          if (i > 0) {
            line.append(',');
          }
          Object value = row.get(i);
          if (value != null) {
            String text = text(value);
            line.append(
                CsvField.quote(
                    fields[i].dataType() instanceof NumericType ? text : defuseFormula(text)));
          }
        }
        out.write(line.append('\n').toString());
      }
    }
  },
  /** One JSON array of objects keyed by column name; NaN and infinities become null. */
  JSON {
    @Override
    public void write(StructType schema, Iterator<Row> rows, Writer out) throws IOException {
      out.write("[\n");
      boolean first = true;
      while (rows.hasNext()) {
        if (!first) {
          out.write(",\n");
        }
        first = false;
        Row row = rows.next();
        JsonGenerator json = JSON_FACTORY.createGenerator(out);
        json.writeStartObject();
        for (int i = 0; i < schema.fields().length; i++) {
          json.writeFieldName(schema.fields()[i].name());
          writeJson(json, row.get(i));
        }
        json.writeEndObject();
        json.flush();
      }
      out.write(first ? "]\n" : "\n]\n");
    }
  };

  /** How the table format prints a missing value. */
  static final String NULL = "NULL";

  private static final JsonFactory JSON_FACTORY =
      new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  public abstract void write(StructType schema, Iterator<Row> rows, Writer out) throws IOException;

  /** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
  static String defuseFormula(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  /**
   * A single value as text: what the table and CSV formats print. Arrays, maps and structs print as
   * JSON.
   */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof Instant i) {
      return i.toString();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof LocalDate || value instanceof LocalDateTime) {
      return value.toString();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Row || value instanceof scala.collection.Iterable<?>) {
      java.io.StringWriter nested = new java.io.StringWriter();
      try (JsonGenerator json = JSON_FACTORY.createGenerator(nested)) {
        writeJson(json, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return nested.toString();
    }
    return value.toString();
  }

  static void writeJson(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        json.writeNull();
      } else {
        json.writeNumber(d);
      }
    } else if (value instanceof Float f) {
      if (f.isNaN() || f.isInfinite()) {
        json.writeNull();
      } else {
        json.writeNumber(f);
      }
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      json.writeNumber(d);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Row row) {
      json.writeStartObject();
      StructType schema = row.schema();
      for (int i = 0; i < row.length(); i++) {
        json.writeFieldName(schema == null ? "_" + (i + 1) : schema.fields()[i].name());
        writeJson(json, row.get(i));
      }
      json.writeEndObject();
    } else if (value instanceof scala.collection.Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> e : CollectionConverters.asJava(map).entrySet()) {
        json.writeFieldName(text(e.getKey()));
        writeJson(json, e.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof scala.collection.Iterable<?> items) {
      json.writeStartArray();
      for (Object item : CollectionConverters.asJava(items)) {
        writeJson(json, item);
      }
      json.writeEndArray();
    } else {
      json.writeString(text(value));
    }
  }
}
