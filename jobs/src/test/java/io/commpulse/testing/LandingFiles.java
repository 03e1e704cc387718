package io.commpulse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads landing files without any production code, so tests have an independent view of what the
 * generator wrote: an RFC 4180 CSV reader, a JSON-lines reader, strict UTF-8 checks and hashes.
 */
public final class LandingFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LandingFiles() {}

  /**
   * One record of a landing file as plain strings; {@code fields} is null when it does not parse.
   */
  public record Record(String file, String text, List<String> fields, boolean validUtf8) {
    public boolean parses() {
      return fields != null;
    }
  }

  /** A parsed file: the header (column names) and every record after it. */
  public record Table(List<String> header, List<Record> records) {
    public List<Map<String, String>> rows() {
      List<Map<String, String>> rows = new ArrayList<>();
      for (Record r : records) {
        if (r.fields() != null && r.fields().size() == header.size()) {
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), r.fields().get(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  /**
   * Splits CSV bytes into records (a quoted field may hold commas, doubled quotes and line breaks)
   * and each record into fields; an empty unquoted field is read as "".
   */
  public static Table readCsv(Path file) {
    byte[] bytes = bytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1); // 1 byte = 1 char: exact offsets
    List<Record> records = new ArrayList<>();
    List<String> header = null;
    int start = 0;
    int i = 0;
    boolean quoted = false;
    while (i <= text.length()) {
      boolean end = i == text.length();
      char c = end ? '\n' : text.charAt(i);
      if (!end && c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && (!quoted || end)) {
        if (i > start || !end) {
          byte[] recordBytes = java.util.Arrays.copyOfRange(bytes, start, i);
          boolean utf8 = isUtf8(recordBytes);
          String recordText =
              new String(recordBytes, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1)
                  .replaceAll("\r$", "");
          List<String> fields = splitCsv(recordText);
          if (header == null) {
            header = fields;
          } else {
            records.add(new Record(file.getFileName().toString(), recordText, fields, utf8));
          }
        }
        start = i + 1;
      }
      i++;
    }
    return new Table(header == null ? List.of() : header, records);
  }

  static List<String> splitCsv(String record) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < record.length(); i++) {
      char c = record.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  /**
   * Reads JSON lines against the given column order: a line that is not a JSON object is a record
   * without fields; JSON null and absent keys become null, scalars their text, unknown keys are
   * ignored.
   */
  public static Table readJsonLines(Path file, List<String> columns) {
    List<Record> records = new ArrayList<>();
    for (String line : lines(file)) {
      List<String> fields;
      try {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject()) {
          fields = null;
        } else {
          fields = new ArrayList<>();
          for (String column : columns) {
            JsonNode value = node.get(column);
            fields.add(value == null || value.isNull() ? null : value.asText());
          }
        }
      } catch (IOException e) {
        fields = null;
      }
      records.add(new Record(file.getFileName().toString(), line, fields, true));
    }
    return new Table(columns, records);
  }

  /** Non-empty lines of a UTF-8 text file (what a JSON-lines file holds one record per). */
  public static List<String> lines(Path file) {
    String text = new String(bytes(file), StandardCharsets.UTF_8);
    return text.lines().filter(l -> !l.isEmpty()).toList();
  }

  public static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  public static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256 of every regular file under {@code root}, by relative path. */
  public static Map<String, String> hashes(Path root) {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        hashes.put(
            root.relativize(file).toString(), HexFormat.of().formatHex(sha.digest(bytes(file))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return hashes;
  }

  /** Files of one source and month: {@code <landing>/<source>/<month>/*}, sorted by name. */
  public static List<Path> files(Path landing, String source, String month) {
    Path folder = landing.resolve(source).resolve(month);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path file, String text) {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
