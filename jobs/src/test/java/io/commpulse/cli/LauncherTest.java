package io.commpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.commpulse.testing.GeneratedMonths;
import io.commpulse.testing.LandingFiles;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command line as a user runs it, in its own process: exit codes, stderr and the {@code
 * COMMPULSE_SCHEMAS} override. Uses the {@code ./commpulse} launcher when the jar is built and
 * current, otherwise the same main class on the test classpath.
 */
class LauncherTest {
  private static final Path ROOT = TestSpark.repoRoot();
  private static Path scratch;

  @BeforeAll
  static void folders() {
    scratch = TestSpark.tempDir("commpulse-launcher-");
  }

  @AfterAll
  static void cleanUp() {
    GeneratedMonths.delete(scratch);
  }

  /** True when jobs/target/commpulse.jar exists and is newer than every source and schema file. */
  static boolean jarIsCurrent() {
    Path jar = ROOT.resolve("jobs/target/commpulse.jar");
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (Stream<Path> sources =
        Stream.concat(
            Files.walk(ROOT.resolve("jobs/src/main")), Files.walk(ROOT.resolve("schemas")))) {
      FileTime built = Files.getLastModifiedTime(jar);
      return sources
          .filter(Files::isRegularFile)
          .allMatch(
              p -> {
                try {
                  return Files.getLastModifiedTime(p).compareTo(built) <= 0;
                } catch (IOException e) {
                  return false;
                }
              });
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    if (jarIsCurrent()) {
      command.add(ROOT.resolve("commpulse").toString());
    } else {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (flag.startsWith("--add-opens")
            || flag.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
            || flag.startsWith("-Djdk.reflect")
            || flag.startsWith("-Dio.netty")
            || flag.startsWith("-Xmx")) {
          command.add(flag);
        }
      }
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(CommPulse.class.getName());
    }
    command.addAll(List.of(args));
    return command;
  }

  static CommPulseCliTest.Result run(Map<String, String> env, String... args) throws Exception {
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command(args))
            .directory(scratch.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().put("COMMPULSE_SKIP_BUILD", "1");
    pb.environment().put("COMMPULSE_JAVA_OPTS", "-Xmx1g");
    pb.environment().remove("COMMPULSE_SCHEMAS");
    pb.environment().remove("COMMPULSE_DEBUG");
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + pb.command());
    }
    return new CommPulseCliTest.Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsCommandsAndOptions() throws Exception {
    CommPulseCliTest.Result top = run(Map.of(), "--help");
    assertEquals(0, top.exit(), top.toString());
    assertTrue(top.out().contains("generate") && top.out().contains("ingest"), top.out());
    CommPulseCliTest.Result ingest = run(Map.of(), "ingest", "--help");
    assertEquals(0, ingest.exit(), ingest.toString());
    for (String option : List.of("--source", "--month", "--landing", "--lake", "--master")) {
      assertTrue(ingest.out().contains(option), option + " missing from:\n" + ingest.out());
    }
  }

  /** The compiler settings the launcher gave the JVM, as the JVM reports them. */
  private static Map<String, String> compilerFlags(String jit, String command) throws Exception {
    CommPulseCliTest.Result r =
        run(
            Map.of("COMMPULSE_JIT", jit, "COMMPULSE_JAVA_OPTS", "-Xmx1g -XX:+PrintFlagsFinal"),
            command,
            "--help");
    assertEquals(0, r.exit(), r.toString());
    Map<String, String> flags = new TreeMap<>();
    for (String line : r.out().lines().toList()) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 4
          && parts[2].equals("=")
          && List.of("TieredStopAtLevel", "UseSerialGC").contains(parts[1])) {
        flags.put(parts[1], parts[3]);
      }
    }
    return flags;
  }

  @Test
  void monthlyJobsKeepTheOptimisingCompilerUnlessClientIsAsked() throws Exception {
    assumeTrue(jarIsCurrent(), "the launcher's flags need the built jar (mvn -DskipTests package)");
    assertEquals(
        Map.of("TieredStopAtLevel", "4", "UseSerialGC", "false"), compilerFlags("auto", "run"));
    assertEquals(
        Map.of("TieredStopAtLevel", "1", "UseSerialGC", "true"), compilerFlags("client", "run"));
    assertEquals(
        Map.of("TieredStopAtLevel", "1", "UseSerialGC", "true"), compilerFlags("auto", "sql"));

    CommPulseCliTest.Result wrong = run(Map.of("COMMPULSE_JIT", "fast"), "run", "--help");
    assertEquals(2, wrong.exit(), wrong.toString());
    assertTrue(
        wrong.err().contains("COMMPULSE_JIT is 'auto'") && wrong.err().contains("not 'fast'"),
        wrong.err());
  }

  /**
   * A help request loads few classes: an archive of them, written after a build by the first {@code
   * sql} or {@code report}, would leave every later start without the classes it needs. The
   * launcher is copied beside a link to the jar, so the archive it would write is its own.
   */
  @Test
  void askingSqlForHelpWritesNoClassArchive() throws Exception {
    assumeTrue(jarIsCurrent(), "the launcher runs the built jar (mvn -DskipTests package)");
    Path copy = scratch.resolve("launcher-copy");
    Path target = Files.createDirectories(copy.resolve("jobs/target"));
    Files.copy(
        ROOT.resolve("commpulse"), copy.resolve("commpulse"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createSymbolicLink(
        target.resolve("commpulse.jar"), ROOT.resolve("jobs/target/commpulse.jar"));

    ProcessBuilder pb =
        new ProcessBuilder(copy.resolve("commpulse").toString(), "sql", "--help")
            .redirectErrorStream(true)
            .redirectOutput(scratch.resolve("launcher-copy.out").toFile());
    pb.environment().put("COMMPULSE_SKIP_BUILD", "1");
    pb.environment().remove("COMMPULSE_CDS");
    pb.environment().remove("COMMPULSE_EXTRA_CLASSPATH");
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out");
    String out = Files.readString(scratch.resolve("launcher-copy.out"), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("--format"), out);
    try (Stream<Path> files = Files.list(target)) {
      assertEquals(List.of("commpulse.jar"), files.map(f -> f.getFileName().toString()).toList());
    }
  }

  @Test
  void schemaFolderThatDoesNotParse() throws Exception {
    Path schemas = scratch.resolve("schemas-broken");
    LandingFiles.write(
        schemas.resolve("landing/broken.json"), "{\"description\": \"x\", \"columns\": [");
    CommPulseCliTest.Result r =
        run(
            Map.of("COMMPULSE_SCHEMAS", schemas.toString()),
            "ingest",
            "--month",
            "2026-10",
            "--landing",
            scratch.toString(),
            "--lake",
            scratch.resolve("lake").toString());
    CommPulseCliTest.assertOneLineError(r, "landing/broken.json", "does not parse");
  }

  @Test
  void schemaFolderWithAnUnknownType() throws Exception {
    Path schemas = scratch.resolve("schemas-typo");
    LandingFiles.write(
        schemas.resolve("landing/typo.json"),
        "{\"description\": \"T.\", \"grain\": \"g\","
            + " \"format\": \"csv\", \"columns\": [{\"name\": \"n\", \"type\": \"integer\", \"description\": \"N.\"}]}");
    CommPulseCliTest.Result r =
        run(
            Map.of("COMMPULSE_SCHEMAS", schemas.toString()),
            "generate",
            "--month",
            "2026-10",
            "--scale",
            "0.001",
            "--out",
            scratch.resolve("out").toString());
    CommPulseCliTest.assertOneLineError(r, "landing/typo.json", "unknown column type 'integer'");
  }

  @Test
  void missingSchemaFolder() throws Exception {
    Path schemas = scratch.resolve("no-schemas-here");
    CommPulseCliTest.Result r =
        run(
            Map.of("COMMPULSE_SCHEMAS", schemas.toString()),
            "ingest",
            "--month",
            "2026-10",
            "--landing",
            scratch.toString());
    CommPulseCliTest.assertOneLineError(r, "schema folder not found", schemas.toString());
  }

  @Test
  void badMonth() throws Exception {
    CommPulseCliTest.Result r = run(Map.of(), "ingest", "--month", "2026-13");
    CommPulseCliTest.assertClearError(r, "'2026-13' is not a month");
    assertEquals(2, r.exit(), "usage errors exit with 2");
  }

  @Test
  void missingLandingFolderStartsSparkAndStillFailsInOneLine() throws Exception {
    Path missing = scratch.resolve("no-landing-here");
    CommPulseCliTest.Result r =
        run(
            Map.of(),
            "ingest",
            "--month",
            "2026-10",
            "--source",
            "tickets",
            "--landing",
            missing.toString(),
            "--lake",
            scratch.resolve("lake").toString(),
            "--master",
            "local[1]");
    assertEquals(1, r.exit(), r.toString());
    List<String> errors = r.errLines().stream().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), r.err());
    assertTrue(errors.get(0).contains("landing folder not found: " + missing), r.err());
    CommPulseCliTest.assertNoStackTrace(r.err());
  }
}
