package io.commpulse.ingest;

import io.commpulse.errors.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files delivered for one source and month: {@code <landing>/<source>/<YYYY-MM>/*.csv|*.jsonl}.
 * Hidden and temporary files (leading '.' or '_') are ignored, as Hadoop writers leave them.
 */
public record LandingFolder(
    String source, YearMonth month, String folder, List<LandingFile> files) {

  public record LandingFile(String path, String name, long size) {}

  public static LandingFolder locate(
      Configuration hadoop, String landingRoot, String source, YearMonth month, String format) {
    String folder = landingRoot.replaceAll("/+$", "") + "/" + source + "/" + month;
    Path path = new Path(folder);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) {
        throw new UserError(
            "landing folder not found: "
                + folder
                + " (expected "
                + format
                + " files for source '"
                + source
                + "' in <landing>/"
                + source
                + "/"
                + month
                + "/)");
      }
      FileStatus[] statuses =
          fs.listStatus(
              path,
              p ->
                  !p.getName().startsWith(".")
                      && !p.getName().startsWith("_")
                      && p.getName().endsWith("." + format));
      List<LandingFile> files =
          Arrays.stream(statuses)
              .filter(FileStatus::isFile)
              .map(s -> new LandingFile(s.getPath().toString(), s.getPath().getName(), s.getLen()))
              .sorted((a, b) -> a.name().compareTo(b.name()))
              .toList();
      return new LandingFolder(source, month, folder, files);
    } catch (IOException e) {
      throw new UserError("cannot list landing folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Same files (by name and size) give the same id, so a rerun writes identical metadata. */
  public String batchId() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((source + "|" + month).getBytes(StandardCharsets.UTF_8));
      for (LandingFile file : files) {
        sha.update(("|" + file.name() + ":" + file.size()).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
