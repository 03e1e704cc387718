package io.commpulse.catalog;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.ParameterContext;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import scala.Function1;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Makes a whole Spark session read-only: every statement any client sends (JDBC, ODBC, beeline,
 * Spark Connect SQL) passes {@link ReadOnlyStatements}' decision as soon as it is parsed, before it
 * is analysed or run; a plan that was never SQL (a Spark Connect client's DataFrame write) meets
 * the same allow-list of commands once analysed. Enabled with {@code
 * spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension,io.commpulse.catalog.ReadOnlyExtension}:
 * listed after Delta's, its parser wraps Delta's, so OPTIMIZE, VACUUM and RESTORE arrive parsed and
 * are refused.
 *
 * <p>The endpoint itself registers the lake's tables in its metastore with CREATE statements; it
 * does so inside {@link #trusted(Supplier)}, which lets the statements of the calling thread
 * through, and no client's.
 */
public final class ReadOnlyExtension extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> false);

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectParser(
        new AbstractFunction2<>() {
          @Override
          public ParserInterface apply(
              org.apache.spark.sql.SparkSession session, ParserInterface delegate) {
            return new ReadOnlyParser(delegate);
          }
        });
    // Plans that were never SQL text (Spark Connect's DataFrame writes) are checked once analysed.
    extensions.injectCheckRule(
        new AbstractFunction1<
            org.apache.spark.sql.SparkSession, Function1<LogicalPlan, BoxedUnit>>() {
          @Override
          public Function1<LogicalPlan, BoxedUnit> apply(
              org.apache.spark.sql.SparkSession session) {
            return new AbstractFunction1<>() {
              @Override
              public BoxedUnit apply(LogicalPlan plan) {
                if (!TRUSTED.get()) {
                  ReadOnlyStatements.requireAnalysed(plan);
                }
                return BoxedUnit.UNIT;
              }
            };
          }
        });
    return BoxedUnit.UNIT;
  }

  /**
   * Runs the endpoint's own catalog upkeep (registering tables) on this thread, past the read-only
   * rule.
   */
  public static <T> T trusted(Supplier<T> work) {
    boolean before = TRUSTED.get();
    TRUSTED.set(true);
    try {
      return work.get();
    } finally {
      TRUSTED.set(before);
    }
  }

  /** The class name for {@code spark.sql.extensions}. */
  public static String className() {
    return ReadOnlyExtension.class.getName();
  }

  /**
   * Spark's (or Delta's) parser, with every parsed statement checked; expressions and names pass
   * unchanged.
   */
  static final class ReadOnlyParser implements ParserInterface {
    private final ParserInterface delegate;

    ReadOnlyParser(ParserInterface delegate) {
      this.delegate = delegate;
    }

    private static LogicalPlan checked(LogicalPlan plan) {
      if (!TRUSTED.get()) {
        ReadOnlyStatements.require(plan);
      }
      return plan;
    }

    @Override
    public LogicalPlan parsePlan(String sqlText) throws ParseException {
      return checked(delegate.parsePlan(sqlText));
    }

    @Override
    public LogicalPlan parsePlanWithParameters(String sqlText, ParameterContext parameters)
        throws ParseException {
      return checked(delegate.parsePlanWithParameters(sqlText, parameters));
    }

    @Override
    public LogicalPlan parseQuery(String sqlText) throws ParseException {
      return checked(delegate.parseQuery(sqlText));
    }

    @Override
    public Expression parseExpression(String sqlText) throws ParseException {
      return delegate.parseExpression(sqlText);
    }

    @Override
    public TableIdentifier parseTableIdentifier(String sqlText) throws ParseException {
      return delegate.parseTableIdentifier(sqlText);
    }

    @Override
    public FunctionIdentifier parseFunctionIdentifier(String sqlText) throws ParseException {
      return delegate.parseFunctionIdentifier(sqlText);
    }

    @Override
    public scala.collection.immutable.Seq<String> parseMultipartIdentifier(String sqlText)
        throws ParseException {
      return delegate.parseMultipartIdentifier(sqlText);
    }

    @Override
    public StructType parseRoutineParam(String sqlText) throws ParseException {
      return delegate.parseRoutineParam(sqlText);
    }

    @Override
    public StructType parseTableSchema(String sqlText) throws ParseException {
      return delegate.parseTableSchema(sqlText);
    }

    @Override
    public DataType parseDataType(String sqlText) throws ParseException {
      return delegate.parseDataType(sqlText);
    }
  }
}
