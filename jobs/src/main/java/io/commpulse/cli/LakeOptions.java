package io.commpulse.cli;

import io.commpulse.lake.Lake;
import io.commpulse.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Where the Delta tables live and which Spark master runs the job; shared by every Spark command. */
public final class LakeOptions {
  @Option(names = "--lake", paramLabel = "DIR|URI", defaultValue = "lake",
      description = "Root of the Delta lake: a local folder or any Hadoop URI (file:, s3a:, hdfs:). Default: ${DEFAULT-VALUE}")
  String lake;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default local[*]; under spark-submit the submitted master is used).")
  String master;

  public Lake open(String jobName) {
    SparkSession spark = SparkSessions.getOrCreate(master, "commpulse " + jobName);
    return new Lake(spark, lake);
  }
}
