package io.commpulse.report.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which code rendered a report: the release version and a fingerprint of the project's own classes
 * and schemas, so two renders can be compared even between builds of the same version.
 */
public record CodeVersion(String version, String fingerprint) {
  private static final List<String> OWN = List.of("io/commpulse/", "schemas/");
  private static volatile CodeVersion current;

  public String shortFingerprint() {
    return fingerprint.substring(0, Math.min(12, fingerprint.length()));
  }

  public static CodeVersion current() {
    if (current == null) {
      String version = CodeVersion.class.getPackage().getImplementationVersion();
      current = new CodeVersion(version == null ? "dev" : version, ownCodeDigest());
    }
    return current;
  }

  /** SHA-256 over the names and bytes of the project's classes and schemas, in name order. */
  private static String ownCodeDigest() {
    try {
      Path location =
          Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      TreeMap<String, byte[]> entries =
          Files.isDirectory(location) ? fromDirectory(location) : fromJar(location);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      entries.forEach(
          (name, bytes) -> {
            sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(bytes);
          });
      return Checksums.hex(sha.digest());
    } catch (URISyntaxException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TreeMap<String, byte[]> fromJar(Path jar) {
    TreeMap<String, byte[]> entries = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        if (!e.isDirectory() && OWN.stream().anyMatch(e.getName()::startsWith)) {
          try (InputStream in = zip.getInputStream(e)) {
            entries.put(e.getName(), in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static TreeMap<String, byte[]> fromDirectory(Path root) {
    TreeMap<String, byte[]> entries = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (OWN.stream().anyMatch(name::startsWith)) {
          entries.put(name, Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
