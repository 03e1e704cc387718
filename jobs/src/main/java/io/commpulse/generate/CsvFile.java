package io.commpulse.generate;

import io.commpulse.text.CsvField;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes RFC 4180 CSV (quoted only when needed) the way common exporters do. */
public final class CsvFile implements AutoCloseable {
  private final BufferedWriter out;

  public CsvFile(Path file, Charset charset, List<String> header) {
    try {
      Files.createDirectories(file.getParent());
      OutputStream stream = Files.newOutputStream(file);
      out = new BufferedWriter(new OutputStreamWriter(stream, charset), 1 << 16);
      row(header.toArray(String[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void row(String... fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(CsvField.quote(fields[i]));
    }
    rawLine(line.toString());
  }

  /** A line written as is: how malformed records reach landing folders. */
  void rawLine(String line) {
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
