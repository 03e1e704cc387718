package io.commpulse.cli;

import io.commpulse.errors.UserError;
import io.commpulse.lake.Lake;
import io.commpulse.lake.SnapshotReader;
import io.commpulse.spark.CodeGeneration;
import io.commpulse.spark.SparkSessions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * Where the Delta tables live and which Spark master runs the job; shared by every Spark command.
 */
public final class LakeOptions {
  /**
   * Settings that hold a secret: a command line is visible to every user of the machine (ps, shell
   * history).
   */
  private static final Pattern SECRET =
      Pattern.compile("(?i).*(secret|password|token|private\\.key|account\\.key).*");

  @Option(
      names = "--lake",
      paramLabel = "DIR|URI",
      defaultValue = "lake",
      description =
          "Root of the Delta lake: a local folder or any Hadoop URI (file:, s3a:, hdfs:). Default: ${DEFAULT-VALUE}")
  String lake;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master (default local[*]; under spark-submit the submitted master is used).")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = {
        "Spark or Hadoop setting, repeatable; spark.hadoop.* go to Hadoop, e.g.",
        "  --conf spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000",
        "  --conf spark.hadoop.fs.s3a.path.style.access=true",
        "Credentials come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY),",
        "not from options."
      })
  Map<String, String> conf = new LinkedHashMap<>();

  public Lake open(String jobName) {
    return open(jobName, Map.of());
  }

  /**
   * As {@link #open(String)}, with settings the command itself adds after the user's: they win, and
   * may hold a secret that the command read from a file or the environment (the endpoint's Spark
   * Connect token).
   */
  Lake open(String jobName, Map<String, String> commandSettings) {
    refuseSecrets();
    Map<String, String> settings = new LinkedHashMap<>(conf);
    settings.putAll(commandSettings);
    SparkSession spark = SparkSessions.getOrCreate(master, "commpulse " + jobName, settings);
    return new Lake(spark, lake);
  }

  /**
   * The lake on a session that interprets Spark's expressions when the job reads less than {@link
   * CodeGeneration#INTERPRET_BELOW_BYTES}, unless {@code --conf} chose how Spark generates code;
   * otherwise {@code lake} itself.
   */
  Lake sizedFor(Lake lake, long inputBytes) {
    return CodeGeneration.interprets(inputBytes, conf)
        ? new Lake(CodeGeneration.interpreting(lake.spark()), lake.root())
        : lake;
  }

  /**
   * A reader of the lake's tables at pinned versions that starts no Spark session: {@code --master}
   * plays no part, and of {@code --conf} only the {@code spark.hadoop.*} settings apply.
   */
  SnapshotReader snapshots() {
    refuseSecrets();
    Configuration hadoop = new Configuration();
    conf.forEach(
        (key, value) -> {
          if (key.startsWith(SparkSessions.HADOOP_PREFIX)) {
            hadoop.set(key.substring(SparkSessions.HADOOP_PREFIX.length()), value);
          }
        });
    return new SnapshotReader(lake, hadoop);
  }

  private void refuseSecrets() {
    for (String key : conf.keySet()) {
      if (SECRET.matcher(key).matches()) {
        throw new UserError(
            "--conf "
                + key
                + ": secrets are not taken on the command line, where every user of the"
                + " machine can read them; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or a Hadoop credential"
                + " provider) in the environment instead");
      }
    }
  }
}
