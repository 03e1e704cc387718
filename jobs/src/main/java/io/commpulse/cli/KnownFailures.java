package io.commpulse.cli;

import io.commpulse.errors.UserError;
import io.commpulse.schema.SchemaException;
import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.util.VersionInfo;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;

/**
 * Recognises failures whose cause the user can act on (a broken contract, another run writing the
 * same table, a full disk, missing permissions, a landing file that vanished, an object store that
 * the class path or the credentials do not reach) anywhere in an exception's cause chain, and words
 * them as one line. Spark wraps the original error in several layers, so the chain is searched
 * rather than the top exception's type.
 */
public final class KnownFailures {
  private static final Pattern OBJECT_STORE = Pattern.compile("(s3a?|abfss?|gs)://");
  private static final Pattern PATH =
      Pattern.compile("((?:file|hdfs|s3a?|abfss?|gs):/[^\\s'\",;\\]]+|/[^\\s'\",;:\\]]+)");

  private KnownFailures() {}

  public static Optional<String> explain(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UserError || t instanceof SchemaException) {
        return Optional.of(t.getMessage());
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DeltaConcurrentModificationException) {
        return Optional.of(
            "another run changed a table this run was writing ("
                + t.getClass().getSimpleName()
                + "); this run's write was not committed. Rerun the command");
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("No FileSystem for scheme \"s3a\"")
          || message.contains("org.apache.hadoop.fs.s3a.S3AFileSystem not found")) {
        String hadoop = VersionInfo.getVersion();
        return Optional.of(
            "s3a:// needs hadoop-aws "
                + hadoop
                + " and the AWS SDK on the classpath, which the commpulse"
                + " jars leave out: for ./commpulse run `mvn -Ps3a -pl jobs dependency:copy@s3a-jars` (or set"
                + " COMMPULSE_EXTRA_CLASSPATH), under spark-submit add --packages org.apache.hadoop:hadoop-aws:"
                + hadoop
                + " (README, \"Object storage\")");
      }
      if (t.getClass().getSimpleName().equals("NoAuthWithAWSException")) {
        return Optional.of(
            "no credentials for the object store"
                + where(message)
                + ": set AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY (or AWS_PROFILE, or a Hadoop credential provider) in the environment");
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = String.valueOf(t.getMessage());
      String lower = message.toLowerCase(Locale.ROOT);
      if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
        return Optional.of(
            "no space left on the device"
                + where(message)
                + "; nothing of the failed write was committed, so the tables are as they were. Free space and rerun");
      }
      if (t instanceof AccessDeniedException && OBJECT_STORE.matcher(message).lookingAt()) {
        return Optional.of(
            "the object store refused access"
                + where(message)
                + "; nothing was committed. Check the"
                + " credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) and the bucket's permissions");
      }
      if (t instanceof AccessDeniedException
          || lower.contains("permission denied")
          || lower.contains("mkdirs failed to create")
          || lower.contains("read-only file system")) {
        return Optional.of(
            "cannot write"
                + where(message)
                + ": "
                + (lower.contains("read-only") ? "read-only file system" : "permission denied")
                + "; nothing was committed. Make the lake writable for this user and rerun");
      }
      if (t instanceof FileNotFoundException
          || t instanceof NoSuchFileException
          || message.contains("FILE_NOT_EXIST")
          || message.contains("PATH_NOT_FOUND")) {
        return Optional.of(
            "a file disappeared while it was being read"
                + where(message)
                + "; nothing was committed. Rerun once the landing folder is complete and no longer changing");
      }
    }
    return Optional.empty();
  }

  /** " (path)" for the first path named in a message, or nothing. */
  private static String where(String message) {
    Matcher m = PATH.matcher(message == null ? "" : message);
    return m.find() ? " (" + m.group(1).replaceAll("[.:]+$", "") + ")" : "";
  }
}
