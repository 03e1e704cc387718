package io.commpulse.imports;

import io.commpulse.errors.UserError;
import io.commpulse.text.ByteOrderMark;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * An export as handed over: a CSV file, or a zip archive holding one. The encoding comes from a
 * byte-order mark when the file has one (spreadsheet tools write UTF-8 and UTF-16 with a mark),
 * else from the dialect. Spark reads only a few charsets, so any other encoding (Windows-1252, GBK,
 * UTF-16) is first decoded into a UTF-8 copy. Unpacked and decoded copies live in a temporary
 * folder that {@link #close()} removes.
 *
 * @param input the path the user gave
 * @param csv the CSV file to read
 * @param work the temporary folder for unpacked and decoded copies
 */
public record ExportFile(Path input, Path csv, Path work) implements AutoCloseable {

  /**
   * How the export writes CSV: field delimiter and encoding (null: UTF-8 unless a byte-order mark
   * says otherwise).
   */
  public record Dialect(String delimiter, String encoding) {
    public static final Dialect DEFAULT = new Dialect(",", null);

    public Dialect {
      delimiter = delimiter == null || delimiter.isEmpty() ? "," : delimiter;
    }
  }

  public static ExportFile open(Path input) {
    if (!Files.isRegularFile(input)) {
      throw new UserError("input file not found: " + input);
    }
    Path work;
    try {
      work = Files.createTempDirectory("commpulse-import-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!input.getFileName().toString().toLowerCase().endsWith(".zip")) {
      return new ExportFile(input, input, work);
    }
    try (ZipFile zip = new ZipFile(input.toFile())) {
      List<? extends ZipEntry> csvs =
          zip.stream()
              .filter(e -> !e.isDirectory() && !e.getName().startsWith("__MACOSX/"))
              .filter(e -> e.getName().toLowerCase().endsWith(".csv"))
              .toList();
      if (csvs.size() != 1) {
        throw new UserError(
            "zip "
                + input
                + " must hold exactly one .csv file, found "
                + csvs.stream().map(ZipEntry::getName).toList());
      }
      Path csv = work.resolve(Path.of(csvs.get(0).getName()).getFileName().toString());
      try (InputStream in = zip.getInputStream(csvs.get(0))) {
        Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
      }
      return new ExportFile(input, csv, work);
    } catch (IOException e) {
      new ExportFile(input, input, work).close();
      throw new UserError("cannot read zip " + input + ": " + e.getMessage(), e);
    } catch (UserError e) {
      new ExportFile(input, input, work).close();
      throw e;
    }
  }

  /** The charset named by the file's byte-order mark, or null when it has none. */
  public Charset byteOrderMark() {
    byte[] head;
    try (InputStream in = Files.newInputStream(csv)) {
      head = in.readNBytes(ByteOrderMark.MAX_LENGTH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteOrderMark mark = ByteOrderMark.of(head);
    return mark == null ? null : mark.charset();
  }

  /**
   * Reads every record as text: one string column per header name (a byte-order mark removed), plus
   * {@code _corrupt_record} for records whose field count does not match the header, and {@code
   * _record}, the record's 1-based position in the file. Quoted fields may span lines, and a bare
   * CR inside a field stays part of the field (the line separator is detected from the first line).
   */
  public Dataset<Row> read(SparkSession spark, Dialect dialect) {
    String path = utf8(dialect).toAbsolutePath().toString();
    String[] header = reader(spark, dialect).option("header", "true").csv(path).columns();
    List<String> names = Arrays.stream(header).map(h -> h.replace("\uFEFF", "").trim()).toList();
    if (names.isEmpty() || names.size() == 1 && names.get(0).isEmpty()) {
      throw new UserError("input " + input + " has no header line");
    }
    StructType text = new StructType();
    for (String name : names) {
      text = text.add(name, DataTypes.StringType, true);
    }
    StructType withCorrupt = text.add(SourceFields.CORRUPT, DataTypes.StringType, true);
    Dataset<Row> rows =
        reader(spark, dialect)
            .schema(withCorrupt)
            .option("header", "true")
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", SourceFields.CORRUPT)
            .csv(path);
    JavaRDD<Row> numbered = rows.javaRDD().zipWithIndex().map(ExportFile::numbered);
    return spark.createDataFrame(
        numbered, withCorrupt.add(SourceFields.RECORD, DataTypes.LongType, false));
  }

  private static Row numbered(Tuple2<Row, Long> rowAndIndex) {
    Row row = rowAndIndex._1();
    Object[] values = new Object[row.length() + 1];
    for (int i = 0; i < row.length(); i++) {
      values[i] = row.get(i);
    }
    values[row.length()] = rowAndIndex._2() + 1;
    return RowFactory.create(values);
  }

  /** The file as UTF-8: itself when it already is, else a decoded copy in the work folder. */
  Path utf8(Dialect dialect) {
    Charset bom = byteOrderMark();
    Charset charset;
    try {
      charset =
          bom != null
              ? bom
              : dialect.encoding() != null
                  ? Charset.forName(dialect.encoding())
                  : StandardCharsets.UTF_8;
    } catch (IllegalArgumentException e) {
      throw new UserError(
          "unknown encoding '" + dialect.encoding() + "' (e.g. UTF-8, windows-1252, GBK)");
    }
    if (charset.equals(StandardCharsets.UTF_8)) {
      return csv;
    }
    Path decoded = work.resolve("utf8-" + csv.getFileName());
    try (Reader in = Files.newBufferedReader(csv, charset);
        Writer out = Files.newBufferedWriter(decoded, StandardCharsets.UTF_8)) {
      in.transferTo(out);
    } catch (CharacterCodingException e) {
      throw new UserError(
          "input "
              + input
              + " is not valid "
              + charset.name()
              + "; set \"encoding\" in the mapping's"
              + " \"csv\" section",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return decoded;
  }

  private static DataFrameReader reader(SparkSession spark, Dialect dialect) {
    return spark
        .read()
        .option("multiLine", "true")
        .option("encoding", "UTF-8")
        .option("sep", dialect.delimiter())
        .option("quote", "\"")
        .option("escape", "\"")
        .option("ignoreLeadingWhiteSpace", "false")
        .option("ignoreTrailingWhiteSpace", "false");
  }

  /** Fails with one clear line when the export lacks columns an adapter needs. */
  static void requireColumns(Dataset<Row> rows, List<String> required, String what) {
    List<String> present = Arrays.asList(rows.columns());
    List<String> missing = new ArrayList<>(required);
    missing.removeAll(present);
    if (!missing.isEmpty()) {
      throw new UserError(
          "input lacks column(s) "
              + missing
              + " of "
              + what
              + "; its header has "
              + present.stream().filter(c -> !c.startsWith("_")).toList());
    }
  }

  @Override
  public void close() {
    if (!Files.exists(work)) {
      return;
    }
    try (Stream<Path> files = Files.walk(work)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
