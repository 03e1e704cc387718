package io.commpulse.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commpulse.cli.CommPulse;
import io.commpulse.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One run of the command line in this JVM, on the shared test SparkSession, with its exit code and
 * output.
 */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    TestSpark.session();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = CommPulse.execute(args);
      return new CliRun(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  /** The JSON array printed by {@code --format json}, after checking the run succeeded. */
  List<Map<String, Object>> json() {
    assertEquals(0, exitCode, () -> "exit code; stderr:\n" + err);
    try {
      return new ObjectMapper().readValue(out, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("stdout is not a JSON array:\n" + out, e);
    }
  }

  /** The lines of stderr that report an error (the command's own progress lines are not errors). */
  List<String> errorLines() {
    return err.lines().filter(l -> l.startsWith("error:")).toList();
  }
}
