package io.commpulse.experiments;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Location of the shared real datasets, next to the repository root. */
final class RealData {

    private RealData() {
    }

    static Path file(String name) {
        String root = System.getProperty("commpulse.repo.root", "..");
        return Path.of(root).resolve("../shared/realdata").resolve(name).normalize();
    }

    /** The dataset's path; fails the test, naming the expected location, when it is not there. */
    static Path required(String name) {
        Path file = file(name);
        assertTrue(Files.isRegularFile(file), () -> "real dataset " + name + " is missing: expected it at "
                + file.toAbsolutePath() + " (the shared realdata folder next to the repository, see its PROVENANCE.md)");
        return file;
    }
}
