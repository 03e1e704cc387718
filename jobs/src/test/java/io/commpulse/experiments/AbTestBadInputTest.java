package io.commpulse.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Input that cannot be analysed ends with exit code 1 and one line naming the problem, never a
 * stack trace.
 */
class AbTestBadInputTest {

  private static final Path DIR = TestSpark.tempDir("ab-bad-input");

  private static Path csv(String name, String... lines) {
    try {
      return Files.write(DIR.resolve(name), List.of(lines));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fails(Path input, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ab-test", "--input", input.toString(), "--unit", "unit", "--variant", "variant"));
    args.addAll(List.of(options));
    if (!args.contains("--control")) {
      args.addAll(List.of("--control", "A"));
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertNotEquals(0, run.exitCode(), () -> "should fail; stdout:\n" + run.out());
    assertEquals(1, run.errorLines().size(), () -> "one error line expected in:\n" + run.err());
    assertFalse(run.err().contains("\tat "), () -> "stack trace printed:\n" + run.err());
    assertFalse(run.err().contains("Exception"), () -> "exception name printed:\n" + run.err());
    assertTrue(run.out().isEmpty(), () -> "nothing on stdout expected:\n" + run.out());
    return run.errorLines().get(0);
  }

  private static final Path GOOD =
      csv(
          "good.csv",
          "unit,variant,y,score,flag",
          "u1,A,1.5,3,True",
          "u2,A,2.5,4,False",
          "u3,B,3.5,5,true",
          "u4,B,0.5,2,0");

  @Test
  void unknownColumnListsTheAvailableOnes() {
    String error = fails(GOOD, "--metric", "revenue:continuous");
    assertEquals(
        "error: unknown column 'revenue' in "
            + GOOD
            + "; its columns are: unit, variant, y, score, flag",
        error);
  }

  @Test
  void nonNumericValuesAreCountedWithAnExample() {
    Path file =
        csv("text.csv", "unit,variant,y", "u1,A,1.5", "u2,A,abc", "u3,B,n/a", "u4,B,zzz", "u5,B,3");
    assertEquals(
        "error: column 'y' has 2 values that are not numbers, e.g. 'abc'",
        fails(file, "--metric", "y:continuous"));
    assertEquals(
        "error: column 'y' has 3 values that are not whole numbers, e.g. '1.5'",
        fails(file, "--metric", "y:ordinal"));
  }

  @Test
  void binaryAcceptsOnlyZeroOneTrueFalse() {
    Path file = csv("binary.csv", "unit,variant,y", "u1,A,True", "u2,A,0", "u3,B,yes", "u4,B,1.0");
    assertEquals(
        "error: column 'y' has 1 value that is not 0/1 or true/false, e.g. 'yes'",
        fails(file, "--metric", "y:binary"));
  }

  @Test
  void singleVariant() {
    Path file = csv("single.csv", "unit,variant,y", "u1,A,1", "u2,A,0");
    assertEquals(
        "error: column 'variant' holds a single variant ('A') after exclusions; an A/B test needs at"
            + " least two",
        fails(file, "--metric", "y:binary"));
  }

  @Test
  void unknownControl() {
    assertEquals(
        "error: control 'C' is not a value of column 'variant'; its variants are: A, B",
        fails(GOOD, "--metric", "flag:binary", "--control", "C"));
  }

  @Test
  void emptyHeaderOnlyAndMissingFiles() {
    Path empty = csv("empty.csv");
    try {
      Files.write(empty, new byte[0]);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertEquals("error: input file is empty: " + empty, fails(empty, "--metric", "y:binary"));
    Path header = csv("header.csv", "unit,variant,y");
    assertEquals(
        "error: " + header + " has a header but no records", fails(header, "--metric", "y:binary"));
    Path missing = DIR.resolve("nowhere.csv");
    assertEquals("error: input file not found: " + missing, fails(missing, "--metric", "y:binary"));
  }

  @Test
  void badOptionsNameTheOption() {
    assertTrue(
        fails(GOOD, "--metric", "y:numeric").contains("--metric takes COL:binary, COL:continuous"));
    assertTrue(
        fails(GOOD, "--metric", "flag:binary", "--winsorize", "flag:0.99")
            .contains("only continuous metrics are winsorised"));
    assertTrue(
        fails(GOOD, "--metric", "y:continuous", "--winsorize", "y:99.9").contains("0 < Q < 1"));
    assertTrue(
        fails(GOOD, "--metric", "y:continuous", "--expect", "landing_page")
            .contains("VARIANT:COL=VALUE"));
    assertEquals(
        "error: weights name the variants A, C but experiment 'good' has the variants A, B",
        fails(GOOD, "--metric", "y:continuous", "--weights", "A=1,C=1"));
  }

  @Test
  void wrongDelimiterGetsAHint() {
    Path file = csv("semicolon.csv", "unit;variant;y", "u1;A;1", "u2;B;0");
    assertTrue(fails(file, "--metric", "y:binary").endsWith("see --delimiter)"));
  }

  @Test
  void theGoodFileWorks() {
    CliRun run =
        CliRun.of(
            "ab-test",
            "--input",
            GOOD.toString(),
            "--unit",
            "unit",
            "--variant",
            "variant",
            "--control",
            "A",
            "--metric",
            "y:continuous",
            "--metric",
            "score:ordinal",
            "--metric",
            "flag:binary",
            "--format",
            "json");
    assertEquals(3, run.json().size());
  }
}
