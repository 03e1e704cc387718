package io.commpulse.catalog;

import io.commpulse.errors.UserError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The analyst's console reads; it never changes the lake or the catalog. The decision is taken on
 * the statement as Spark parses it, not on its text, so comments, casing and CTEs change nothing: a
 * statement is accepted when every node of its plan is a query operator or a command that only
 * describes or lists.
 */
final class ReadOnlyStatements {
  /** Commands that only describe or list (plan node class names, Spark's and Delta's). */
  private static final Set<String> READING_COMMANDS =
      Set.of(
          "DescribeRelation",
          "DescribeColumn",
          "DescribeNamespace",
          "DescribeFunction",
          "ShowTables",
          "ShowTablesExtended",
          "ShowTableExtended",
          "ShowNamespaces",
          "ShowColumns",
          "ShowFunctions",
          "ShowTableProperties",
          "ShowCreateTable",
          "ShowPartitions",
          "ShowViews",
          "ShowCatalogs",
          "ExplainCommand",
          "DescribeDeltaHistory",
          "DescribeDeltaHistoryCommand",
          "DescribeDeltaDetailCommand",
          // USE layer: changes which database a session's unqualified names mean, nothing stored.
          // JDBC clients send
          // it when their URL names a database (jdbc:hive2://host:10000/gold).
          "SetCatalogAndNamespace",
          "SetNamespaceCommand",
          // SHOW DATABASES, which Spark parses straight to its runnable command.
          "ShowNamespacesCommand",
          // What the analyser makes of the statements above, for plans checked after analysis.
          "ShowTablesCommand",
          "DescribeTableCommand",
          "DescribeColumnCommand",
          "DescribeDatabaseCommand",
          "DescribeFunctionCommand",
          "ShowColumnsCommand",
          "ShowTablePropertiesCommand",
          "ShowCreateTableCommand",
          "ShowPartitionsCommand",
          "ShowFunctionsCommand",
          "ShowViewsCommand",
          "ShowCatalogsCommand");

  /**
   * Where Spark's parser puts the nodes of a query: logical operators and not-yet-resolved
   * references.
   */
  private static final Set<String> QUERY_PACKAGES =
      Set.of(
          "org.apache.spark.sql.catalyst.plans.logical", "org.apache.spark.sql.catalyst.analysis");

  private ReadOnlyStatements() {}

  /**
   * A node that reads: one of the parser's query operators, and neither a command, an insert nor
   * another parsed statement. Anything else, a Delta statement (RESTORE, OPTIMIZE, VACUUM) or a
   * runnable command, is not, unless it is a describing or listing command: an allow-list, so a
   * statement Spark or Delta adds later is refused.
   */
  private static boolean isQuery(QueryPlan<?> node) {
    return QUERY_PACKAGES.contains(node.getClass().getPackageName())
        && !(node instanceof Command)
        && !(node instanceof InsertIntoStatement)
        && !(node instanceof ParsedStatement);
  }

  /**
   * The same allow-list on an analysed plan, for what arrives without SQL text (a Spark Connect
   * client's {@code df.write}, {@code writeTo}, {@code saveAsTable}): every command in it must be
   * one that describes or lists.
   *
   * @throws UserError naming the command when it is not
   */
  static void requireAnalysed(LogicalPlan plan) {
    Deque<QueryPlan<?>> pending = new ArrayDeque<>();
    pending.push(plan);
    while (!pending.isEmpty()) {
      QueryPlan<?> node = pending.pop();
      String kind = node.getClass().getSimpleName();
      if (node instanceof Command && !READING_COMMANDS.contains(kind)) {
        throw new UserError(
            "sql is read-only: this statement ("
                + kind
                + ") would change the lake or the"
                + " catalog, so it was refused and nothing changed; the monthly jobs are what write tables");
      }
      CollectionConverters.asJava(node.children())
          .forEach(child -> pending.push((QueryPlan<?>) child));
      CollectionConverters.asJava(node.innerChildren()).forEach(pending::push);
    }
  }

  /**
   * @throws UserError naming the kind of statement when it would write or change the catalog
   * @throws ParseException when the text is not one statement
   */
  static void require(SparkSession spark, String statement) throws ParseException {
    require(
        ((org.apache.spark.sql.classic.SparkSession) spark)
            .sessionState()
            .sqlParser()
            .parsePlan(statement));
  }

  /**
   * The decision, on a statement as the parser returned it: {@code commpulse sql} and the session
   * extension of the SQL endpoint ({@link ReadOnlyExtension}) both call this.
   *
   * @throws UserError naming the kind of statement when it would write or change the catalog
   */
  static void require(LogicalPlan plan) {
    Deque<QueryPlan<?>> pending = new ArrayDeque<>();
    pending.push(plan);
    while (!pending.isEmpty()) {
      QueryPlan<?> node = pending.pop();
      String kind = node.getClass().getSimpleName();
      if (!READING_COMMANDS.contains(kind) && !isQuery(node)) {
        throw new UserError(
            "sql is read-only: this statement ("
                + kind
                + ") would change the lake or the"
                + " catalog, so it was refused and nothing changed; the monthly jobs are what write tables");
      }
      CollectionConverters.asJava(node.children())
          .forEach(child -> pending.push((QueryPlan<?>) child));
      CollectionConverters.asJava(node.innerChildren()).forEach(pending::push);
    }
  }
}
