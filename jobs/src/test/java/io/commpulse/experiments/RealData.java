package io.commpulse.experiments;

import java.nio.file.Path;

/** Location of the shared real datasets, next to the repository root. */
final class RealData {

    private RealData() {
    }

    static Path file(String name) {
        String root = System.getProperty("commpulse.repo.root", "..");
        return Path.of(root).resolve("../shared/realdata").resolve(name).normalize();
    }
}
