package io.commpulse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies of the repository's schemas/ with one contract edited, for tests of what a contract
 * drives.
 */
public final class SchemaCopies {
  private SchemaCopies() {}

  /**
   * A temporary copy of schemas/ in which {@code contract} (e.g. "gold/coverage.json") has {@code
   * from} replaced.
   */
  public static Path withReplaced(String contract, String from, String to) {
    Path source = TestSpark.repoRoot().resolve("schemas");
    Path target = TestSpark.tempDir("schemas-copy");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
      Path changed = target.resolve(contract);
      String text = Files.readString(changed);
      if (!text.contains(from)) {
        throw new IllegalStateException(contract + " does not contain " + from);
      }
      Files.writeString(changed, text.replace(from, to));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
