package io.commpulse.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The one place that builds a SparkSession: Delta enabled, UTC, local[*] unless a master is given. */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * Returns the active session or builds one. Under spark-submit the master is already in the
   * configuration and wins over {@code requestedMaster}, which is only a default for plain {@code java}.
   */
  public static SparkSession getOrCreate(String requestedMaster, String appName) {
    SparkConf conf = new SparkConf(true);
    if (!conf.contains("spark.master")) {
      conf.setMaster(requestedMaster == null || requestedMaster.isBlank() ? DEFAULT_MASTER : requestedMaster);
    }
    conf.setIfMissing("spark.app.name", appName)
        .set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .set("spark.sql.session.timeZone", "UTC")
        .setIfMissing("spark.sql.shuffle.partitions", String.valueOf(defaultShufflePartitions(conf)))
        .setIfMissing("spark.ui.enabled", "false")
        .setIfMissing("spark.sql.adaptive.enabled", "true")
        .setIfMissing("spark.databricks.delta.snapshotPartitions", "2")
        // Delta writes its own stats; Spark's parquet summary files add nothing but time.
        .setIfMissing("spark.hadoop.parquet.summary.metadata.level", "NONE")
        .setIfMissing("spark.sql.sources.partitionOverwriteMode", "static")
        .setIfMissing("spark.sql.debug.maxToStringFields", "500");
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    spark.sparkContext().setLogLevel(System.getProperty("commpulse.spark.logLevel", "WARN"));
    return spark;
  }

  /** Few partitions on a laptop-sized local master: the default 200 costs far more than it saves. */
  private static int defaultShufflePartitions(SparkConf conf) {
    String master = conf.get("spark.master", DEFAULT_MASTER);
    return master.startsWith("local") ? Math.max(4, Runtime.getRuntime().availableProcessors() * 2) : 64;
  }
}
