package io.commpulse.reliability;

import static io.commpulse.reliability.Baseline.MONTH;
import static io.commpulse.reliability.Baseline.OTHER_MONTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The machine lets a run down: the lake cannot be written, the disk fills up, a landing file is
 * deleted while it is read, a contract file does not parse. Each run fails with one clear line and
 * leaves every table as it was.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvironmentFaultsTest {
  private Baseline.Data baseline;
  private Path logs;

  @BeforeAll
  void prepare() {
    baseline = Baseline.get();
    logs = baseline.root().resolve("logs/environment");
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int sh(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String[] ingest(String source, String month, Path landing, Path lake) {
    return new String[] {
      "ingest",
      "--source",
      source,
      "--month",
      month,
      "--landing",
      landing.toString(),
      "--lake",
      lake.toString()
    };
  }

  private static void assertOneClearLine(Launcher.Finished run, String start) {
    assertEquals(1, run.exitCode(), run.stderr());
    assertEquals(1, run.errorLines().size(), "exactly one error line: " + run.stderr());
    assertTrue(run.errorLines().get(0).startsWith(start), run.errorLines().get(0));
    // Spark's own WARN/ERROR log lines may come first; commpulse itself recognised the failure.
    assertTrue(
        run.stderr().lines().noneMatch(l -> l.startsWith("(set COMMPULSE_DEBUG=1")), run.stderr());
  }

  @Test
  void anUnwritableLakeFailsClearlyAndIsLeftAsItWas() throws IOException {
    Path lake = Baseline.copyOfLake("unwritable-lake");
    LakeSnapshot before = LakeSnapshot.of(lake);
    Launcher launcher = Baseline.launcher();
    if (isRoot()) {
      // Permissions do not bind root: run as an unprivileged user, who can read the inputs only.
      Assumptions.assumeTrue(sh("setpriv", "--version") == 0, "setpriv is needed to drop root");
      List<String> asNobody =
          List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--");
      Path repo = TestSpark.repoRoot();
      List<String> canRun = new ArrayList<>(asNobody);
      canRun.addAll(
          List.of(
              "sh",
              "-c",
              "test -x \"$1\" && test -r \"$2\"",
              "sh",
              repo.resolve("commpulse").toString(),
              repo.resolve("jobs/target/commpulse.jar").toString()));
      Assumptions.assumeTrue(
          sh(canRun.toArray(String[]::new)) == 0,
          "an unprivileged user cannot run the launcher of this checkout (a private folder)");
      sh("chmod", "-R", "a+rX", baseline.root().toString());
      sh("chmod", "a+rx", baseline.root().getParent().toString());
      launcher.via(asNobody.toArray(String[]::new));
      launcher.env("HOME", "/tmp");
    }
    sh("chmod", "-R", "a-w", lake.toString());
    try {
      Launcher.Finished run =
          launcher.run(
              logs, "unwritable", ingest("tickets", OTHER_MONTH, baseline.landing(), lake));
      assertOneClearLine(run, "error: cannot write");
      assertTrue(run.errorLines().get(0).contains("permission denied"), run.errorLines().get(0));
    } finally {
      sh("chmod", "-R", "u+w", lake.toString());
    }
    LakeSnapshot.of(lake).assertSameAs(before, "unwritable lake");
  }

  @Test
  void aFullDiskFailsClearlyAndLeavesTheTablesAsTheyWere() throws IOException {
    Assumptions.assumeTrue(
        isRoot(), "mounting a small file system needs root; see docs/reliability.md");
    Path mount = baseline.root().resolve("full-disk");
    Files.createDirectories(mount);
    long lakeBytes;
    try (Stream<Path> files = Files.walk(baseline.lake())) {
      lakeBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    Assumptions.assumeTrue(
        sh(
                "mount",
                "-t",
                "tmpfs",
                "-o",
                "size=" + (lakeBytes * 2 + (8 << 20)),
                "tmpfs",
                mount.toString())
            == 0,
        "cannot mount a tmpfs here; see docs/reliability.md");
    try {
      Path lake = mount.resolve("lake");
      Baseline.copyTree(baseline.lake(), lake);
      fillUp(mount.resolve("filler"));
      LakeSnapshot before = LakeSnapshot.of(lake);
      Launcher.Finished run =
          Baseline.launcher()
              .run(logs, "disk-full", ingest("tickets", OTHER_MONTH, baseline.landing(), lake));
      assertOneClearLine(run, "error: no space left on the device");
      LakeSnapshot.of(lake).assertSameAs(before, "full disk");
    } finally {
      sh("umount", mount.toString());
    }
  }

  @Test
  void aLandingFileDeletedWhileReadFailsClearlyOrIsReadWhole() throws IOException {
    Path lake = Baseline.copyOfLake("deleted-file-lake");
    LakeSnapshot before = LakeSnapshot.of(lake);
    // A landing month whose one tickets file is big enough to be open for a while.
    Path landing = baseline.root().resolve("deleted-file-landing");
    Path folder = landing.resolve("tickets").resolve(OTHER_MONTH);
    Files.createDirectories(folder);
    Path file = folder.resolve("tickets.csv");
    List<String> lines =
        Files.readAllLines(baseline.landing().resolve("tickets/" + OTHER_MONTH + "/tickets.csv"));
    long records = 0;
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(lines.get(0) + "\n");
      for (int copy = 0; copy < 30; copy++) {
        for (String line : lines.subList(1, lines.size())) {
          out.write(line.replaceFirst("^T(\\d+)", "T$1" + copy) + "\n");
          records++;
        }
      }
    }
    Launcher.Started ingest =
        Baseline.launcher()
            .start(logs, "deleted-file", ingest("tickets", OTHER_MONTH, landing, lake));
    long pid = ingest.process().pid();
    boolean opened = ingest.waitUntil(() -> isOpenBy(pid, file), Duration.ofMinutes(20));
    Files.deleteIfExists(file);
    Launcher.Finished run = ingest.await();
    if (run.exitCode() == 0) {
      // Deleted after Spark had read it completely: then every record must be accounted for.
      LakeSnapshot after = LakeSnapshot.of(lake, OTHER_MONTH);
      long quarantined =
          after.tables().get("bronze.quarantine").stream()
              .filter(r -> r.startsWith("tickets"))
              .count();
      assertEquals(
          records, after.tables().get("bronze.tickets").size() + quarantined, "row conservation");
    } else {
      assertTrue(opened, "the file was never seen open: " + run.stderr());
      assertOneClearLine(run, "error: a file disappeared while it was being read");
      LakeSnapshot.of(lake).assertSameAs(before, "landing file deleted while read");
    }
  }

  /** Writes zeros until the file system is full: the next write of the run hits ENOSPC. */
  private static void fillUp(Path filler) {
    byte[] block = new byte[4096];
    try (var out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
    }
  }

  /** Whether the process holds the file open (Linux: a link in /proc/<pid>/fd). */
  private static boolean isOpenBy(long pid, Path file) {
    Path fds = Path.of("/proc", String.valueOf(pid), "fd");
    try (Stream<Path> links = Files.list(fds)) {
      return links.anyMatch(
          link -> {
            try {
              return Files.readSymbolicLink(link).toString().equals(file.toString());
            } catch (IOException e) {
              return false;
            }
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  @Test
  void aContractFileThatDoesNotParseFailsClearlyBeforeTouchingTheLake() throws IOException {
    Path lake = Baseline.copyOfLake("broken-schema-lake");
    LakeSnapshot before = LakeSnapshot.of(lake);
    Path schemas = baseline.root().resolve("broken-schemas");
    Baseline.copyTree(TestSpark.repoRoot().resolve("schemas"), schemas);
    Path tickets = schemas.resolve("landing/tickets.json");
    String text = Files.readString(tickets);
    Files.writeString(tickets, text.substring(0, text.length() / 2));
    for (String[] args :
        List.of(
            ingest("tickets", MONTH, baseline.landing(), lake),
            new String[] {
              "run",
              "--month",
              MONTH,
              "--landing",
              baseline.landing().toString(),
              "--lake",
              lake.toString()
            })) {
      Launcher.Finished run =
          Baseline.launcher()
              .env("COMMPULSE_SCHEMAS", schemas.toString())
              .run(logs, "broken-schema-" + args[0], args);
      assertOneClearLine(run, "error: schema file landing/tickets.json does not parse: ");
    }
    LakeSnapshot.of(lake).assertSameAs(before, "broken contract");
  }
}
