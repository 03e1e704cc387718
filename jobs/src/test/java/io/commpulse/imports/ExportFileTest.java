package io.commpulse.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFileTest {
  @TempDir Path dir;

  private List<Row> read(Path file, ExportFile.Dialect dialect) {
    try (ExportFile export = ExportFile.open(file)) {
      return export.read(TestSpark.session(), dialect).orderBy(SourceFields.RECORD).collectAsList();
    }
  }

  @Test
  void readsUtf16WithByteOrderMarkAsSpreadsheetsSaveIt() throws IOException {
    Path file = dir.resolve("survey.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    bytes.write("name;score\r\nÄnne;5\r\nZoë;4\r\n".getBytes(StandardCharsets.UTF_16LE));
    Files.write(file, bytes.toByteArray());
    List<Row> rows = read(file, new ExportFile.Dialect(";", null));
    assertEquals(
        List.of("name", "score", SourceFields.CORRUPT, SourceFields.RECORD),
        List.of(rows.get(0).schema().fieldNames()));
    assertEquals("Änne|5|null|1", rows.get(0).mkString("|"));
    assertEquals("Zoë|4|null|2", rows.get(1).mkString("|"));
  }

  @Test
  void dropsTheUtf8ByteOrderMarkFromTheHeader() throws IOException {
    Path file = dir.resolve("bom.csv");
    Files.writeString(file, "\uFEFFid,answer\n1,3\n", StandardCharsets.UTF_8);
    List<Row> rows = read(file, ExportFile.Dialect.DEFAULT);
    assertEquals("id", rows.get(0).schema().fieldNames()[0]);
    assertEquals("1|3|null|1", rows.get(0).mkString("|"));
  }

  @Test
  void keepsQuotedLineBreaksAndBareCarriageReturnsInsideFields() throws IOException {
    Path file = dir.resolve("text.csv");
    Files.writeString(
        file,
        "id,text,n\n1,\"two\nlines\",1\n2,bare\r\rreturn,2\n3,short\n",
        StandardCharsets.UTF_8);
    List<Row> rows = read(file, ExportFile.Dialect.DEFAULT);
    assertEquals(3, rows.size());
    assertEquals("two\nlines", rows.get(0).getAs("text"));
    assertEquals("bare\r\rreturn", rows.get(1).getAs("text"));
    assertTrue(
        rows.get(2).getAs(SourceFields.CORRUPT) != null,
        "a record with too few fields is malformed");
  }

  @Test
  void unpacksAZipHoldingOneCsv() throws IOException {
    Path zip = dir.resolve("export.zip");
    writeZip(zip, "export/data.csv");
    assertEquals("1|x|null|1", read(zip, ExportFile.Dialect.DEFAULT).get(0).mkString("|"));
    Path two = dir.resolve("two.zip");
    writeZip(two, "a.csv", "b.csv");
    UserError e = assertThrows(UserError.class, () -> ExportFile.open(two));
    assertTrue(e.getMessage().contains("must hold exactly one .csv file"), e.getMessage());
    assertThrows(UserError.class, () -> ExportFile.open(dir.resolve("missing.csv")));
  }

  private static void writeZip(Path zip, String... entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (String entry : entries) {
        z.putNextEntry(new ZipEntry(entry));
        z.write("id,v\n1,x\n".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
  }
}
