package io.commpulse.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Public datasets for the tests. Those under CC BY 4.0 are kept in the repository ({@code
 * jobs/src/test/resources/realdata}, with their attribution); the others are read from {@code
 * ../shared/realdata} beside the repository (see its PROVENANCE.md) or the folder named by {@code
 * COMMPULSE_REALDATA}. A bare clone does not have those: a test that needs one is skipped with one
 * line on stderr naming the folder to provide, unless {@code COMMPULSE_REQUIRE_REALDATA=1} (set by
 * CI), where a missing dataset fails the test.
 */
public final class RealData {
  private RealData() {}

  public static Path file(String name) {
    Path kept = TestSpark.repoRoot().resolve("jobs/src/test/resources/realdata").resolve(name);
    if (Files.isRegularFile(kept)) {
      return kept;
    }
    String override = System.getenv("COMMPULSE_REALDATA");
    Path folder =
        override != null
            ? Path.of(override)
            : TestSpark.repoRoot().resolve("../shared/realdata").normalize();
    Path file = folder.resolve(name);
    if (Files.isRegularFile(file)) {
      return file;
    }
    String missing =
        "real dataset "
            + name
            + " not found in "
            + folder.toAbsolutePath()
            + " (provide the shared realdata folder beside the repository, or set COMMPULSE_REALDATA)";
    if ("1".equals(System.getenv("COMMPULSE_REQUIRE_REALDATA"))) {
      fail(missing + "; COMMPULSE_REQUIRE_REALDATA=1 requires it");
    }
    System.err.println("SKIPPED: " + missing);
    Assumptions.abort(missing);
    throw new AssertionError("unreachable");
  }
}
