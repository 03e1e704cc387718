package io.commpulse.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Whether Spark compiles a job's expressions to Java classes or interprets them. Compiling costs
 * the same whatever the rows: a month's queries generate and compile hundreds of classes, which
 * takes a large share of a small month's CPU and pays back only over many rows. Both ways give the
 * same rows (docs/performance.md compares every table of months computed each way).
 */
public final class CodeGeneration {
  /** Below this much input, a job interprets its expressions. */
  public static final long INTERPRET_BELOW_BYTES = 24L << 20;

  static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

  private CodeGeneration() {}

  /**
   * Whether a job reading {@code inputBytes} should interpret its expressions: when its input is
   * small, unless the user's settings already choose (either key above given with {@code --conf}).
   */
  public static boolean interprets(long inputBytes, Map<String, String> userSettings) {
    return inputBytes < INTERPRET_BELOW_BYTES
        && !userSettings.containsKey(WHOLE_STAGE)
        && !userSettings.containsKey(FACTORY_MODE);
  }

  /** A new session of the same Spark application whose queries interpret their expressions. */
  public static SparkSession interpreting(SparkSession spark) {
    SparkSession own = spark.newSession();
    own.conf().set(WHOLE_STAGE, "false");
    own.conf().set(FACTORY_MODE, "NO_CODEGEN");
    return own;
  }

  /** Whether {@code spark}'s queries interpret their expressions ({@link #interpreting}). */
  public static boolean isInterpreting(SparkSession spark) {
    return "NO_CODEGEN".equals(spark.conf().get(FACTORY_MODE));
  }

  /**
   * A new session of the same Spark application without whole-stage code generation, which compiles
   * or interprets single expressions as {@code spark} does. For the ingest's queries: validating a
   * wide source compiles to more than the 64 KB a Java method may hold, so Spark would try
   * whole-stage code generation, log the failure with the generated code, and fall back. Code
   * generated per expression has no such limit and ran as fast. {@code spark} keeps its settings,
   * also while other work runs in it.
   */
  public static SparkSession withoutWholeStage(SparkSession spark) {
    SparkSession own = spark.newSession();
    own.conf().set(WHOLE_STAGE, "false");
    own.conf().set(FACTORY_MODE, spark.conf().get(FACTORY_MODE));
    return own;
  }
}
