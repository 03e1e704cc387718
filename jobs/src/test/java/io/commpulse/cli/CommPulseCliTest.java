package io.commpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.testing.GeneratedMonths;
import io.commpulse.testing.TestSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line in-process: help texts and a clear one-line error for each bad invocation. */
class CommPulseCliTest {
  private static Path scratch;

  /** What a run printed and returned. */
  record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  @BeforeAll
  static void shareSpark() {
    TestSpark.session(); // ingest opens "the" session: let it find the shared test one
    scratch = TestSpark.tempDir("commpulse-cli-");
  }

  @AfterAll
  static void cleanUp() {
    GeneratedMonths.delete(scratch);
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CommPulse.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** Non-zero exit, a first line that names the problem, and no stack trace anywhere. */
  static void assertClearError(Result r, String... mentions) {
    assertNotEquals(0, r.exit(), r.toString());
    assertFalse(r.errLines().isEmpty(), "nothing on stderr: " + r);
    String first = r.errLines().get(0);
    for (String m : mentions) {
      assertTrue(first.contains(m), "'" + m + "' not in first line: " + first);
    }
    assertNoStackTrace(r.err());
  }

  static void assertNoStackTrace(String err) {
    for (String line : err.lines().toList()) {
      assertFalse(
          line.matches("\\s+at [\\w.$]+\\(.*\\)")
              || line.startsWith("Caused by:")
              || line.matches(".*\\b\\w+(Exception|Error)\\b.*"),
          "stack trace or exception name: " + line);
    }
  }

  /** Failures the user can fix are exactly one line: "error: ...". */
  static void assertOneLineError(Result r, String... mentions) {
    assertClearError(r, mentions);
    assertEquals(1, r.exit(), r.toString());
    assertEquals(1, r.errLines().size(), "one line: " + r.err());
    assertTrue(r.errLines().get(0).startsWith("error: "), r.err());
  }

  // ---- help ---------------------------------------------------------------------------------

  @Test
  void topLevelHelpListsEveryCommand() {
    Result r = run("--help");
    assertEquals(0, r.exit());
    for (String s :
        List.of("generate", "ingest", "help", "--help", "--version", "COMMPULSE_SCHEMAS")) {
      assertTrue(r.out().contains(s), s + " missing from:\n" + r.out());
    }
    for (String command : CommPulse.commandLine().getSubcommands().keySet()) {
      assertTrue(r.out().contains(command), command + " missing from:\n" + r.out());
    }
    assertEquals(r.out(), run("help").out());
  }

  @Test
  void generateHelpListsEveryOption() {
    Result r = run("generate", "--help");
    assertEquals(0, r.exit());
    // The options the Foundation issue gives for generate, plus the standard ones.
    for (String option :
        List.of("--month", "--scale", "--seed", "--out", "--dirty-rate", "--help", "--version")) {
      assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
    }
    assertEquals(r.out(), run("help", "generate").out());
  }

  @Test
  void ingestHelpListsEveryOption() {
    Result r = run("ingest", "--help");
    assertEquals(0, r.exit());
    for (String option :
        List.of("--source", "--month", "--landing", "--lake", "--master", "--help", "--version")) {
      assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
    }
    for (String source :
        List.of(
            "roster",
            "decisions",
            "acknowledgements",
            "survey_responses",
            "tickets",
            "social_comments",
            "comm_log",
            "channel_experiments",
            "followups",
            "suggestions")) {
      assertTrue(r.out().contains(source), source + " missing from:\n" + r.out());
    }
  }

  @Test
  void everyOptionOfEveryCommandIsDescribedInItsHelp() {
    CommandLine root = CommPulse.commandLine();
    for (CommandLine command : root.getSubcommands().values()) {
      String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
      for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
        assertTrue(
            help.contains(option.longestName()),
            command.getCommandName() + " " + option.longestName());
        assertTrue(
            option.description().length > 0 && !option.description()[0].isBlank(),
            command.getCommandName() + " " + option.longestName() + " has no description");
      }
    }
  }

  // ---- bad invocations ----------------------------------------------------------------------

  @Test
  void badMonth() {
    assertClearError(run("ingest", "--month", "2026-13"), "'2026-13' is not a month", "YYYY-MM");
    assertClearError(
        run("generate", "--month", "October", "--out", scratch.toString()), "'October'", "YYYY-MM");
  }

  @Test
  void missingRequiredOption() {
    assertClearError(run("ingest"), "Missing required option", "--month");
    assertClearError(run("generate", "--month", "2026-10"), "Missing required option", "--out");
  }

  @Test
  void unknownOptionAndCommand() {
    assertClearError(run("ingest", "--month", "2026-10", "--sorce", "tickets"), "--sorce");
    assertClearError(run("ingset", "--month", "2026-10"), "ingset");
  }

  @Test
  void optionValueOfTheWrongType() {
    assertClearError(
        run("generate", "--month", "2026-10", "--out", scratch.toString(), "--scale", "big"),
        "--scale",
        "big");
  }

  @Test
  void missingLandingFolder() {
    Path missing = scratch.resolve("no-landing-here");
    Result r =
        run(
            "ingest",
            "--month",
            "2026-10",
            "--landing",
            missing.toString(),
            "--lake",
            scratch.resolve("lake").toString());
    assertOneLineError(r, "landing folder not found", missing.toString());
  }

  @Test
  void unknownSource() {
    Result r =
        run(
            "ingest",
            "--month",
            "2026-10",
            "--source",
            "tweets",
            "--landing",
            scratch.toString(),
            "--lake",
            scratch.resolve("lake").toString());
    assertOneLineError(r, "unknown source 'tweets'", "tickets");
  }

  @Test
  void generateRefusesUnfinishedMonthsAndBadRates() {
    assertOneLineError(
        run("generate", "--month", "2099-01", "--out", scratch.toString()),
        "2099-01",
        "has not ended");
    assertOneLineError(
        run("generate", "--month", "2026-10", "--out", scratch.toString(), "--scale", "0"),
        "--scale");
    assertOneLineError(
        run("generate", "--month", "2026-10", "--out", scratch.toString(), "--dirty-rate", "0.9"),
        "--dirty-rate");
  }

  // ---- --conf -------------------------------------------------------------------------------

  @Test
  void confSettingsForHadoopReachTheRunningSession() {
    String key = "commpulse.test.conf-probe";
    Result r =
        run(
            "sql",
            "--lake",
            scratch.resolve("empty-lake").toString(),
            "--conf",
            "spark.hadoop." + key + "=from the command line",
            "SHOW TABLES");
    assertOneLineError(r, "no Delta tables under");
    assertEquals(
        "from the command line", TestSpark.session().sparkContext().hadoopConfiguration().get(key));
  }

  @Test
  void confNeedsKeyEqualsValue() {
    Result r =
        run(
            "sql",
            "--lake",
            scratch.toString(),
            "--conf",
            "spark.hadoop.fs.s3a.endpoint",
            "SHOW TABLES");
    assertEquals(2, r.exit(), r.toString());
    assertClearError(r, "--conf", "KEY=VALUE");
  }

  @Test
  void secretsAreRefusedOnTheCommandLine() {
    Result r =
        run(
            "run",
            "--month",
            "2026-10",
            "--lake",
            "s3a://bucket/lake",
            "--conf",
            "spark.hadoop.fs.s3a.secret.key=wJalrXUtnFEMI",
            "--demo-key");
    assertOneLineError(r, "--conf spark.hadoop.fs.s3a.secret.key", "AWS_SECRET_ACCESS_KEY");
    assertFalse(r.err().contains("wJalrXUtnFEMI"), "the secret is not echoed: " + r.err());
    Result azure =
        run(
            "sql",
            "--lake",
            "lake",
            "--conf",
            "spark.hadoop.fs.azure.account.key.x.blob=k",
            "SELECT 1");
    assertOneLineError(azure, "secrets are not taken on the command line");
    Result report =
        run(
            "report",
            "--month",
            "2026-10",
            "--lake",
            "s3a://bucket/lake",
            "--conf",
            "spark.hadoop.fs.s3a.access.key=AKIA1",
            "--conf",
            "spark.hadoop.fs.s3a.secret.key=wJalrXUtnFEMI");
    assertOneLineError(report, "--conf spark.hadoop.fs.s3a.secret.key", "AWS_SECRET_ACCESS_KEY");
  }
}
