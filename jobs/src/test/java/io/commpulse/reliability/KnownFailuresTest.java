package io.commpulse.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.cli.KnownFailures;
import io.commpulse.lake.ConcurrentRunException;
import io.commpulse.schema.SchemaException;
import io.delta.exceptions.ConcurrentAppendException;
import io.delta.exceptions.ProtocolChangedException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.util.Optional;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/**
 * The failures a user can act on are recognised however deeply Spark wraps them, and worded as one
 * line.
 */
class KnownFailuresTest {
  private static SparkException wrapped(Throwable cause) {
    return new SparkException(
        "Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times", cause);
  }

  private static String explain(Throwable t) {
    Optional<String> line = KnownFailures.explain(t);
    assertTrue(line.isPresent(), "not recognised: " + t);
    assertEquals(1, line.get().lines().count(), line.get());
    return line.get();
  }

  @Test
  void aConcurrentCommitSaysAnotherRunChangedTheTableAndToRerun() {
    String line =
        explain(
            new ConcurrentRunException(
                "bronze.tickets",
                new ConcurrentAppendException(
                    "Files were added to partition [month=2026-09] by a concurrent update.")));
    assertEquals(
        "another run changed table bronze.tickets while this run was writing it (ConcurrentAppendException);"
            + " this run's write was not committed. Rerun the command",
        line);
    assertTrue(
        explain(new RuntimeException(wrapped(new ProtocolChangedException("protocol changed"))))
            .startsWith(
                "another run changed a table this run was writing (ProtocolChangedException)"));
  }

  @Test
  void aFullDiskSaysSoAndThatNothingWasCommitted() {
    String line = explain(wrapped(new IOException("No space left on device")));
    assertTrue(line.startsWith("no space left on the device"), line);
    assertTrue(line.contains("nothing of the failed write was committed"), line);
  }

  @Test
  void aPermissionProblemNamesThePath() {
    String line =
        explain(wrapped(new AccessDeniedException("/data/lake/bronze/tickets/_delta_log")));
    assertEquals(
        "cannot write (/data/lake/bronze/tickets/_delta_log): permission denied; nothing was committed."
            + " Make the lake writable for this user and rerun",
        line);
    assertTrue(
        explain(
                wrapped(
                    new IOException("Mkdirs failed to create file:/lake/bronze/x (exists=false)")))
            .startsWith("cannot write (file:/lake/bronze/x): permission denied"));
    assertTrue(
        explain(new UncheckedIOException(new IOException("/lake/x: Read-only file system")))
            .contains("read-only file system"));
  }

  @Test
  void aVanishedLandingFileSaysToRerunWhenTheFolderIsComplete() {
    String line =
        explain(
            wrapped(
                new FileNotFoundException(
                    "Path does not exist: file:/landing/tickets/2026-09/tickets.csv.")));
    assertTrue(
        line.startsWith(
            "a file disappeared while it was being read (file:/landing/tickets/2026-09/tickets.csv)"),
        line);
  }

  @Test
  void anObjectStoreRefusingAccessPointsAtTheCredentialsNotTheLocalUser() {
    String line =
        explain(
            wrapped(
                new AccessDeniedException(
                    "s3a://bucket/lake/bronze/tickets/_delta_log",
                    null,
                    "getFileStatus on s3a://bucket/lake/bronze/tickets/_delta_log: S3Exception: Forbidden (403)")));
    assertEquals(
        "the object store refused access (s3a://bucket/lake/bronze/tickets/_delta_log); nothing was"
            + " committed. Check the credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) and the"
            + " bucket's permissions",
        line);
  }

  @Test
  void s3aWithoutHadoopAwsOnTheClassPathSaysWhichJarsToAdd() {
    String line =
        explain(
            wrapped(
                new RuntimeException(
                    "java.lang.ClassNotFoundException: Class org.apache.hadoop.fs.s3a.S3AFileSystem not found")));
    String hadoop = org.apache.hadoop.util.VersionInfo.getVersion();
    assertTrue(
        line.startsWith("s3a:// needs hadoop-aws " + hadoop + " and the AWS SDK on the classpath"),
        line);
    assertTrue(line.contains("mvn -Ps3a -pl jobs dependency:copy@s3a-jars"), line);
    assertTrue(line.contains("--packages org.apache.hadoop:hadoop-aws:" + hadoop), line);
    assertEquals(line, explain(new IOException("No FileSystem for scheme \"s3a\"")));
  }

  @Test
  void userErrorsAndBrokenContractsKeepTheirOwnMessage() {
    assertEquals(
        "schema file landing/tickets.json does not parse: Unexpected character",
        explain(
            wrapped(
                new SchemaException(
                    "schema file landing/tickets.json does not parse: Unexpected character"))));
  }

  @Test
  void anythingElseIsLeftToTheGenericHandler() {
    assertEquals(Optional.empty(), KnownFailures.explain(new IllegalStateException("bug")));
  }
}
