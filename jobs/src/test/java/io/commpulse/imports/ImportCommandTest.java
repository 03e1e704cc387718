package io.commpulse.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.cli.CommPulse;
import io.commpulse.testing.RealData;
import io.commpulse.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir Path dir;

  private record Run(int exitCode, String stderr) {}

  private static Run commpulse(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      TestSpark.session();
      return new Run(CommPulse.execute(args), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void importsAndReimportsTheTwitterSampleIdempotently() throws IOException {
    Path out = dir.resolve("landing");
    Path stale = out.resolve("social_comments/2017-09/twitter-support.jsonl");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "{\"left\":\"from an earlier import\"}\n");
    Path other = out.resolve("social_comments/2017-09/weibo.jsonl");
    Files.writeString(other, "{}\n");

    String[] args = {
      "import",
      "--format",
      "twitter-support",
      "--input",
      RealData.file("twcs_sample.csv").toString(),
      "--out",
      out.toString()
    };
    Run first = commpulse(args);
    assertEquals(0, first.exitCode(), first.stderr());
    assertTrue(
        first
            .stderr()
            .contains(
                "import twitter-support: 93 records read -> 93 tweets: 92 mapped, 1 unmapped"),
        first.stderr());
    assertTrue(first.stderr().contains("unmapped no_account"), first.stderr());
    Path month = out.resolve("social_comments/2017-10/twitter-support.jsonl");
    List<String> lines = Files.readAllLines(month);
    assertEquals(92, lines.size());
    assertFalse(Files.exists(stale), "a month this import no longer produces is removed");
    assertTrue(Files.exists(other), "files of other formats are left alone");
    List<String> unmapped =
        Files.readAllLines(out.resolve("social_comments/unmapped-twitter-support.csv"));
    assertEquals("record,key,reason_code,reason,raw", unmapped.get(0));
    assertTrue(unmapped.get(1).contains(",no_account,"), unmapped.get(1));

    assertEquals(0, commpulse(args).exitCode());
    assertEquals(lines, Files.readAllLines(month), "a rerun writes the same file");
  }

  @Test
  void explainsWrongUsageInOneLine() {
    Run unknown =
        commpulse("import", "--format", "zendesk", "--input", "x.csv", "--out", dir.toString());
    assertEquals(1, unknown.exitCode());
    assertTrue(
        unknown
            .stderr()
            .contains(
                "error: unknown format 'zendesk'; known formats: servicenow-incidents,"
                    + " twitter-support, likert-survey, mapping"),
        unknown.stderr());

    Run noMapping =
        commpulse(
            "import", "--format", "likert-survey", "--input", "x.csv", "--out", dir.toString());
    assertTrue(
        noMapping.stderr().contains("error: --format likert-survey needs --mapping FILE"),
        noMapping.stderr());

    Run missing =
        commpulse(
            "import",
            "--format",
            "twitter-support",
            "--input",
            dir.resolve("none.csv").toString(),
            "--out",
            dir.toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.stderr().contains("error: input file not found:"), missing.stderr());

    Run wrongFile =
        commpulse(
            "import",
            "--format",
            "servicenow-incidents",
            "--input",
            RealData.file("twcs_sample.csv").toString(),
            "--out",
            dir.toString());
    assertEquals(1, wrongFile.exitCode());
    assertTrue(
        wrongFile.stderr().contains("error: input lacks column(s) [number, incident_state"),
        wrongFile.stderr());
  }
}
