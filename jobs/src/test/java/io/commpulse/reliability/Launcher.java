package io.commpulse.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs {@code ./commpulse} as a separate process, so that a SIGKILL really kills a JVM in the
 * middle of its work. The launcher execs java, so the process is the JVM itself.
 */
final class Launcher {
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(45);

  static final String JAVA_OPTS = "-Xmx1500m -Dspark.master=local[2]";

  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> prefix = new ArrayList<>();

  Launcher() {
    env.put("COMMPULSE_SKIP_BUILD", "1");
    env.put("COMMPULSE_JAVA_OPTS", JAVA_OPTS);
    // Each command is a new JVM on a small month, over before the optimising compiler pays
    // back: the launcher's client-compiler settings leave the two cores to the runs under test.
    env.put("COMMPULSE_JIT", "client");
    Path jar = TestSpark.repoRoot().resolve("jobs/target/commpulse.jar");
    if (!Files.isRegularFile(jar)) {
      fail(
          "the reliability suite runs the built launcher: build "
              + jar
              + " first (scripts/test-reliability.sh does)");
    }
  }

  Launcher env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs the launcher through another program, e.g. {@code setpriv --reuid=65534 ...}. */
  Launcher via(String... command) {
    prefix.addAll(List.of(command));
    return this;
  }

  Started start(Path logDir, String name, String... args) {
    try {
      Files.createDirectories(logDir);
      List<String> command = new ArrayList<>(prefix);
      command.add(TestSpark.repoRoot().resolve("commpulse").toString());
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command).directory(logDir.toFile());
      builder.environment().putAll(env);
      Path out = logDir.resolve(name + ".out");
      Path err = logDir.resolve(name + ".err");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      return new Started(name, builder.start(), out, err);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the launcher", e);
    }
  }

  Finished run(Path logDir, String name, String... args) {
    return start(logDir, name, args).await();
  }

  record Finished(String name, int exitCode, String stdout, String stderr) {
    /** stderr without Spark's and the JVM's own warnings: what commpulse itself printed. */
    List<String> ownLines() {
      return stderr
          .lines()
          .filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d (WARN|INFO) .*"))
          .toList();
    }

    List<String> errorLines() {
      return stderr.lines().filter(l -> l.startsWith("error:")).toList();
    }

    Finished assertSucceeded() {
      if (exitCode != 0) {
        fail(name + " exited with " + exitCode + ":\n" + stderr);
      }
      return this;
    }
  }

  record Started(String name, Process process, Path stdout, Path stderr) {
    String stderrText() {
      try {
        return Files.readString(stderr, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }

    /**
     * Polls until the condition holds; false when the process ended first or the timeout passed.
     */
    boolean waitUntil(BooleanSupplier condition, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (condition.getAsBoolean()) {
          return true;
        }
        if (!process.isAlive()) {
          return condition.getAsBoolean();
        }
        try {
          Thread.sleep(25);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush runs. */
    Finished kill9() {
      if (!process.isAlive()) {
        fail(name + " ended before it could be killed:\n" + stderrText());
      }
      process.destroyForcibly();
      return await();
    }

    Finished await() {
      try {
        if (!process.waitFor(RUN_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          fail(name + " did not finish within " + RUN_TIMEOUT);
        }
        return new Finished(
            name,
            process.exitValue(),
            Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
