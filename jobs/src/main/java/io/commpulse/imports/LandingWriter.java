package io.commpulse.imports;

import static io.commpulse.imports.SourceFields.KEY;
import static io.commpulse.imports.SourceFields.MONTH;
import static io.commpulse.imports.SourceFields.PROBLEMS;
import static io.commpulse.imports.SourceFields.RAW;
import static io.commpulse.imports.SourceFields.RECORD;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;

import io.commpulse.generate.CsvFile;
import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.TableContract;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes mapped rows where ingest looks for them: {@code <out>/<source>/<YYYY-MM>/<format>.csv} (or
 * {@code .jsonl}), one file per month, CSV with a header in contract order. A month file is written
 * under a hidden name and then moved into place, and files this format wrote for months no longer
 * in the export are removed, so rerunning an import leaves exactly its output.
 *
 * <p>Rows reach the driver one partition at a time ({@code toLocalIterator}), sorted by month and
 * the contract keys, so the files are the same on every run.
 */
public record LandingWriter(Path root, String format) {
  public static final List<String> UNMAPPED_HEADER =
      List.of("record", "key", "reason_code", "reason", "raw");

  /** Writes the month files and returns the rows written per month. */
  public Map<String, Long> write(TableContract source, Dataset<Row> rows) {
    boolean json = "jsonl".equals(source.format());
    String fileName = format + "." + source.format();
    List<Column> order = new ArrayList<>(List.of(col(MONTH)));
    source.keys().forEach(k -> order.add(col(k)));
    List<Column> kept = new ArrayList<>(order);
    kept.add(to_json(struct(typedForJson(source))).as("line"));
    Dataset<Row> sorted = json ? rows.select(kept.toArray(Column[]::new)) : rows;
    Iterator<Row> it = sorted.orderBy(order.toArray(Column[]::new)).toLocalIterator();
    Map<String, Long> perMonth = new TreeMap<>();
    MonthFile open = null;
    try {
      while (it.hasNext()) {
        Row row = it.next();
        String month = row.getAs(MONTH);
        if (open == null || !open.month().equals(month)) {
          if (open != null) {
            open.commit();
          }
          open =
              MonthFile.start(
                  root.resolve(source.name()).resolve(month),
                  fileName,
                  month,
                  json ? null : source.columnNames());
        }
        if (json) {
          open.line(row.getAs("line"));
        } else {
          open.csv(
              source.columnNames().stream().map(c -> (String) row.getAs(c)).toArray(String[]::new));
        }
        perMonth.merge(month, 1L, Long::sum);
      }
      if (open != null) {
        open.commit();
        open = null;
      }
    } finally {
      if (open != null) {
        open.abandon();
      }
    }
    removeStale(root.resolve(source.name()), fileName, perMonth);
    return perMonth;
  }

  /**
   * The unmapped report beside the month folders, where ingest does not look; written even when
   * empty, so it is never stale. Its name has no leading underscore, so Spark and notebooks can
   * read it.
   */
  public Path writeUnmapped(TableContract source, Dataset<Row> unmapped) {
    Path file = unmappedFile(source);
    Iterator<Row> it =
        unmapped
            .select(
                col(RECORD).cast("string").as("record"),
                col(KEY).as("key"),
                col(PROBLEMS).getItem(0).getField("code").as("reason_code"),
                array_join(transform(col(PROBLEMS), p -> p.getField("message")), "; ").as("reason"),
                col(RAW).as("raw"))
            .orderBy(col(RECORD), col(KEY))
            .toLocalIterator();
    try (CsvFile csv = new CsvFile(file, StandardCharsets.UTF_8, UNMAPPED_HEADER)) {
      while (it.hasNext()) {
        Row r = it.next();
        csv.row(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4));
      }
    }
    return file;
  }

  public Path unmappedFile(TableContract source) {
    return root.resolve(source.name()).resolve("unmapped-" + format + ".csv");
  }

  /** Columns for JSON lines: typed as the contract says, so booleans and numbers are not quoted. */
  private static Column[] typedForJson(TableContract source) {
    return source.columns().stream().map(LandingWriter::typedForJson).toArray(Column[]::new);
  }

  private static Column typedForJson(ColumnSpec column) {
    return switch (column.type()) {
      case BOOLEAN, INT, LONG, DOUBLE ->
          col(column.name()).try_cast(column.sparkType()).as(column.name());
      default -> col(column.name());
    };
  }

  private static void removeStale(Path sourceFolder, String fileName, Map<String, Long> written) {
    if (!Files.isDirectory(sourceFolder)) {
      return;
    }
    try (Stream<Path> months = Files.list(sourceFolder)) {
      for (Path month : months.filter(Files::isDirectory).toList()) {
        if (!written.containsKey(month.getFileName().toString())) {
          Files.deleteIfExists(month.resolve(fileName));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One month's file while it is being written: hidden until committed. */
  private record MonthFile(
      String month, Path target, Path partial, CsvFile csv, BufferedWriter lines) {
    static MonthFile start(Path folder, String fileName, String month, List<String> csvHeader) {
      Path target = folder.resolve(fileName);
      Path partial = folder.resolve("." + fileName + ".partial");
      try {
        Files.createDirectories(folder);
        if (csvHeader != null) {
          return new MonthFile(
              month,
              target,
              partial,
              new CsvFile(partial, StandardCharsets.UTF_8, csvHeader),
              null);
        }
        return new MonthFile(
            month, target, partial, null, Files.newBufferedWriter(partial, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void csv(String[] fields) {
      csv.row(fields);
    }

    void line(String json) {
      try {
        lines.write(json);
        lines.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void commit() {
      close();
      try {
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void abandon() {
      try {
        close();
        Files.deleteIfExists(partial);
      } catch (IOException | UncheckedIOException e) {
        // the original failure matters more than a leftover hidden file
      }
    }

    private void close() {
      try {
        if (csv != null) {
          csv.close();
        }
        if (lines != null) {
          lines.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
