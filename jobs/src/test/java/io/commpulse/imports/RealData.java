package io.commpulse.imports;

import static org.junit.jupiter.api.Assertions.fail;

import io.commpulse.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;

/** The public datasets in {@code ../shared/realdata} (see its PROVENANCE.md), beside the repository. */
final class RealData {
  private RealData() {}

  static Path file(String name) {
    String override = System.getenv("COMMPULSE_REALDATA");
    Path folder = override != null ? Path.of(override)
        : TestSpark.repoRoot().resolve("../shared/realdata").normalize();
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file)) {
      fail("real dataset " + file + " is missing: these tests read the public files in ../shared/realdata"
          + " (beside the repository; set COMMPULSE_REALDATA to another folder)");
    }
    return file;
  }
}
