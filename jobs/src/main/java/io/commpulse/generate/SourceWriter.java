package io.commpulse.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.ColumnType;
import io.commpulse.schema.TableContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes rows of one landing file in contract column order, injecting dirty rows at the given rate.
 */
final class SourceWriter implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TableContract contract;
  private final DirtyRows dirt;
  private final SplittableRandom dirtRandom;
  private final CsvFile csv;
  private final Writer jsonl;
  private final SampleMonth month;
  private final String source;
  private long written;

  SourceWriter(SampleMonth month, String source, String fileName, Charset charset, double rate) {
    this.month = month;
    this.source = source;
    this.contract = month.catalog().table("landing." + source);
    this.dirt = new DirtyRows(contract, rate);
    // Its own stream: the records drawn do not depend on the dirty rate.
    this.dirtRandom = month.random(source + "/" + fileName + "/dirt");
    Path file = month.out().resolve(source).resolve(month.month().toString()).resolve(fileName);
    if (!month.wanted(source)) {
      // The rows are still drawn (other sources depend on them) but go nowhere.
      csv = null;
      jsonl = Writer.nullWriter();
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      if ("jsonl".equals(contract.format())) {
        csv = null;
        jsonl = Files.newBufferedWriter(file, charset);
      } else {
        csv = new CsvFile(file, charset, contract.columnNames());
        jsonl = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(Map<String, String> row) {
    for (ColumnSpec column : contract.columns()) {
      if (!row.containsKey(column.name())) {
        throw new IllegalStateException(
            "generator lacks " + contract.qualifiedName() + "." + column.name());
      }
    }
    for (DirtyRows.Line line : dirt.apply(row, dirtRandom)) {
      if (line.raw() != null) {
        emitRaw(line.raw());
      } else {
        emit(line.fields());
      }
    }
  }

  private void emit(Map<String, String> row) {
    if (csv != null) {
      written++;
      csv.row(contract.columnNames().stream().map(row::get).toArray(String[]::new));
    } else {
      Map<String, Object> json = new LinkedHashMap<>();
      for (ColumnSpec column : contract.columns()) {
        String value = row.get(column.name());
        json.put(
            column.name(),
            column.type() == ColumnType.BOOLEAN && ("true".equals(value) || "false".equals(value))
                ? Boolean.valueOf(value)
                : value);
      }
      try {
        emitRaw(JSON.writeValueAsString(json));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private void emitRaw(String line) {
    written++;
    if (csv != null) {
      csv.rawLine(line);
    } else {
      try {
        jsonl.write(line);
        jsonl.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    if (month.wanted(source)) {
      month.written(source, written);
    }
    if (csv != null) {
      csv.close();
    } else {
      try {
        jsonl.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
