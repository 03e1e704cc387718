package io.commpulse.ingest;

import io.commpulse.errors.UserError;
import io.commpulse.schema.TableContract;
import io.commpulse.text.ByteOrderMark;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Checks the start of every landing file before Spark reads it: the encoding must be UTF-8 (a
 * UTF-16 or UTF-32 export cannot be split into records at all), and a CSV header must name exactly
 * the contract's columns in the contract's order, because the reader maps fields by position. A
 * file that fails stops the batch with a message naming the file and what is wrong, before anything
 * is written. Record-level problems are not judged here: they are quarantined row by row.
 */
public final class LandingHeader {
  /** How much of a file is inspected; a CSV header longer than this is rejected. */
  static final int HEAD_BYTES = 64 * 1024;

  private LandingHeader() {}

  public static void check(Configuration hadoop, LandingFolder folder, TableContract source) {
    for (LandingFolder.LandingFile file : folder.files()) {
      byte[] head = readHead(hadoop, file);
      List<String> problems = problems(head, source);
      if (!problems.isEmpty()) {
        throw new UserError(
            "landing file "
                + folder.source()
                + "/"
                + folder.month()
                + "/"
                + file.name()
                + ": "
                + String.join("; ", problems)
                + "; nothing was written");
      }
    }
  }

  /** What is wrong with a file whose first bytes are {@code head}; empty when it may be read. */
  static List<String> problems(byte[] head, TableContract source) {
    List<String> problems = new ArrayList<>();
    String encoding = nonUtf8Encoding(head);
    if (encoding != null) {
      problems.add(
          "the file is "
              + encoding
              + " encoded; landing files must be UTF-8 (re-export or convert it)");
      return problems;
    }
    if (!"csv".equals(source.format()) || head.length == 0) {
      return problems;
    }
    ByteOrderMark mark = ByteOrderMark.of(head);
    int start = mark == ByteOrderMark.UTF_8 ? mark.length() : 0;
    int end = start;
    while (end < head.length && head[end] != '\n' && head[end] != '\r') {
      end++;
    }
    if (end == head.length && head.length >= HEAD_BYTES) {
      problems.add(
          "the header line is longer than "
              + HEAD_BYTES / 1024
              + " KiB; expected the header "
              + String.join(",", source.columnNames()));
      return problems;
    }
    List<String> found = new ArrayList<>();
    for (String name :
        new String(head, start, end - start, StandardCharsets.UTF_8).split(",", -1)) {
      String trimmed = name.strip();
      if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
        trimmed = trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"").strip();
      }
      found.add(trimmed);
    }
    List<String> expected = source.columnNames();
    if (found.equals(expected)) {
      return problems;
    }
    Set<String> seen = new LinkedHashSet<>();
    Set<String> duplicated = new LinkedHashSet<>();
    for (String name : found) {
      if (!seen.add(name)) {
        duplicated.add(name);
      }
    }
    List<String> missing = expected.stream().filter(c -> !seen.contains(c)).toList();
    List<String> unexpected = seen.stream().filter(c -> !expected.contains(c)).toList();
    if (!duplicated.isEmpty()) {
      problems.add("duplicated header column" + plural(duplicated) + " " + duplicated);
    }
    if (!missing.isEmpty()) {
      problems.add("missing column" + plural(missing) + " " + missing);
    }
    if (!unexpected.isEmpty()) {
      problems.add("unexpected column" + plural(unexpected) + " " + unexpected);
    }
    if (problems.isEmpty()) {
      problems.add("columns are in a different order than the contract");
    }
    problems.add("the header must be " + String.join(",", expected));
    return problems;
  }

  /** The name of a non-UTF-8 Unicode encoding recognisable from the first bytes, or null. */
  static String nonUtf8Encoding(byte[] head) {
    ByteOrderMark mark = ByteOrderMark.of(head);
    if (mark != null && mark != ByteOrderMark.UTF_8) {
      return mark.encoding();
    }
    // Without a byte-order mark, UTF-16 text in the ASCII range has a NUL in every other byte.
    int sample = Math.min(head.length, 512) & ~1;
    if (sample >= 8) {
      int evenNul = 0;
      int oddNul = 0;
      for (int i = 0; i < sample; i += 2) {
        evenNul += head[i] == 0 ? 1 : 0;
        oddNul += head[i + 1] == 0 ? 1 : 0;
      }
      int pairs = sample / 2;
      if (evenNul > pairs * 0.6 || oddNul > pairs * 0.6) {
        return "UTF-16";
      }
    }
    return null;
  }

  private static String plural(java.util.Collection<String> names) {
    return names.size() == 1 ? "" : "s";
  }

  private static byte[] readHead(Configuration hadoop, LandingFolder.LandingFile file) {
    Path path = new Path(file.path());
    try (InputStream in = path.getFileSystem(hadoop).open(path)) {
      return in.readNBytes(HEAD_BYTES);
    } catch (IOException e) {
      throw new UserError("cannot read landing file " + file.path() + ": " + e.getMessage(), e);
    }
  }
}
