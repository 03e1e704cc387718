package io.commpulse.spark;

import java.util.LinkedHashSet;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one place that builds a SparkSession: Delta enabled, UTC, local[*] unless a master is given.
 */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[*]";
  private static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  public static final String HADOOP_PREFIX = "spark.hadoop.";
  private static final int PLAN_DESCRIPTION_CHARS = 16 * 1024;
  private static final int GENERATED_CLASSES = 2_000;

  private SparkSessions() {}

  /**
   * Returns the active session or builds one. Under spark-submit the master is already in the
   * configuration and wins over {@code requestedMaster}, which is only a default for plain {@code
   * java}.
   */
  public static SparkSession getOrCreate(String requestedMaster, String appName) {
    return getOrCreate(requestedMaster, appName, Map.of());
  }

  /**
   * As {@link #getOrCreate(String, String)}, with settings given on the command line ({@code --conf
   * key=value}). They win over this class's defaults but not over what Delta and the jobs depend on
   * (the Delta extension and catalog, the UTC session time zone). {@code spark.hadoop.*} settings
   * also go to the Hadoop configuration of a session that already runs, where a new file system (an
   * {@code s3a://} bucket, say) reads them when first used.
   */
  public static SparkSession getOrCreate(
      String requestedMaster, String appName, Map<String, String> settings) {
    SparkConf conf = new SparkConf(true);
    settings.forEach(conf::set);
    if (!conf.contains("spark.master")) {
      conf.setMaster(
          requestedMaster == null || requestedMaster.isBlank() ? DEFAULT_MASTER : requestedMaster);
    }
    conf.setIfMissing("spark.app.name", appName)
        .set("spark.sql.extensions", extensions(conf.get("spark.sql.extensions", "")))
        .set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .set("spark.sql.session.timeZone", "UTC")
        .setIfMissing(
            "spark.sql.shuffle.partitions", String.valueOf(defaultShufflePartitions(conf)))
        .setIfMissing("spark.ui.enabled", "false")
        // Independent tables run as concurrent jobs; fair sharing keeps a small one from queueing
        // behind a large one.
        .setIfMissing("spark.scheduler.mode", "FAIR")
        .setIfMissing("spark.sql.adaptive.enabled", "true")
        .setIfMissing("spark.databricks.delta.snapshotPartitions", "2")
        // Delta writes its own stats; Spark's parquet summary files add nothing but time.
        .setIfMissing("spark.hadoop.parquet.summary.metadata.level", "NONE")
        .setIfMissing("spark.sql.sources.partitionOverwriteMode", "static")
        .setIfMissing("spark.sql.debug.maxToStringFields", "500")
        // Every query describes its plan for the listeners at its start; the formatted description
        // of an ingest's validation (hundreds of expressions) cost 6% of a small month's CPU.
        .setIfMissing("spark.sql.ui.explainMode", "simple")
        .setIfMissing("spark.sql.maxPlanStringLength", String.valueOf(PLAN_DESCRIPTION_CHARS))
        // A month compiles about 550 distinct classes of generated code; with Spark's default of
        // 100 cached classes a third of its compilations were of code compiled before, and a
        // second month in the same session recompiled nearly all of its own. The stage number in
        // a class's name would make equal code of two queries two classes.
        .setIfMissing("spark.sql.codegen.cache.maxEntries", String.valueOf(GENERATED_CLASSES))
        .setIfMissing("spark.sql.codegen.useIdInClassName", "false");
    if (isLocal(conf)) {
      // In local mode the tasks share the driver's heap, whose own objects are few: execution gets
      // 80% of it instead of 60%, so a scale-1 month's SLA percentiles sort in memory in the
      // launcher's 3 GiB heap. A sort that spills sums a group's means in another order, which
      // moves
      // their last digits (docs/performance.md).
      conf.setIfMissing("spark.memory.fraction", "0.8");
    }
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    settings.forEach(
        (key, value) -> {
          if (key.startsWith(HADOOP_PREFIX) && key.length() > HADOOP_PREFIX.length()) {
            spark
                .sparkContext()
                .hadoopConfiguration()
                .set(key.substring(HADOOP_PREFIX.length()), value);
          }
        });
    spark.sparkContext().setLogLevel(System.getProperty("commpulse.spark.logLevel", "WARN"));
    // ConcurrentTasks names a pool per table on purpose (they show in the event log); Spark would
    // warn once for each that it is not declared in an allocation file.
    Configurator.setLevel("org.apache.spark.scheduler.FairSchedulableBuilder", Level.ERROR);
    // Plan descriptions are cut at PLAN_DESCRIPTION_CHARS on purpose; Spark would warn for each.
    Configurator.setLevel("org.apache.spark.sql.catalyst.util.StringUtils", Level.ERROR);
    return spark;
  }

  /**
   * Delta's extension first, then those the caller asked for (the SQL endpoint's read-only rule):
   * an extension that wraps the parser sees the statements Delta adds (OPTIMIZE, VACUUM, RESTORE)
   * already parsed.
   */
  static String extensions(String requested) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    names.add(DELTA_EXTENSION);
    for (String name : requested.split(",")) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return String.join(",", names);
  }

  /**
   * Few partitions on a laptop-sized local master: the default 200 costs far more than it saves.
   */
  private static int defaultShufflePartitions(SparkConf conf) {
    return isLocal(conf) ? Math.max(4, Runtime.getRuntime().availableProcessors() * 2) : 64;
  }

  private static boolean isLocal(SparkConf conf) {
    return conf.get("spark.master", DEFAULT_MASTER).startsWith("local");
  }
}
