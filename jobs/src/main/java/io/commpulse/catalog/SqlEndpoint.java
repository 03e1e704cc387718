package io.commpulse.catalog;

import io.commpulse.errors.UserError;
import io.commpulse.lake.Lake;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;

/**
 * An always-on, read-only SQL endpoint over a lake: Spark's Thrift JDBC/ODBC server (the
 * HiveServer2 protocol that beeline, the Hive JDBC driver, DBeaver, Superset and PyHive speak) on
 * one long-lived Spark session.
 *
 * <ul>
 *   <li>Every table of the lake is an external Delta table {@code layer.table} (databases bronze,
 *       silver, gold, ops) in an embedded Derby metastore kept outside the lake. A Delta table
 *       reads its latest snapshot for every query, so a new month written by the monthly jobs is
 *       visible at once; a table that did not exist at start is registered by the next refresh
 *       (every {@code refresh}).
 *   <li>Read-only: the session runs with {@link ReadOnlyExtension}, the decision of {@code
 *       commpulse sql}.
 *   <li>Logins need the endpoint's password ({@link EndpointPassword}); it listens on loopback
 *       unless told otherwise.
 * </ul>
 *
 * <p>The Thrift server's classes are not in the commpulse jar (Maven Central does not serve them);
 * they come from a Spark distribution's {@code jars/} folder, e.g. pyspark's, which {@code
 * ./commpulse serve} puts on the class path.
 */
public final class SqlEndpoint implements AutoCloseable {
  private static final String THRIFT_SERVER =
      "org.apache.spark.sql.hive.thriftserver.HiveThriftServer2";
  private static final String HIVE_STATE = "org.apache.spark.sql.hive.HiveSessionStateBuilder";
  private static final String CONNECT_PLUGIN = "org.apache.spark.sql.connect.SparkConnectPlugin";

  /** Where and how the endpoint listens. */
  public record Settings(
      Path metastore, String host, int port, Duration refresh, OptionalInt connectPort) {
    public Settings {
      if (port < 1 || port > 65535) {
        throw new UserError("--port must be between 1 and 65535, not " + port);
      }
      if (connectPort.isPresent()
          && (connectPort.getAsInt() < 1
              || connectPort.getAsInt() > 65535
              || connectPort.getAsInt() == port)) {
        throw new UserError("--connect-port must be between 1 and 65535 and differ from --port");
      }
      if (refresh.isNegative() || refresh.isZero()) {
        throw new UserError("--refresh-minutes must be at least 1");
      }
    }

    /**
     * {@code sc://localhost:port/;token=...}: what a Spark Connect client (pyspark's {@code
     * .remote()}) connects to. pyspark sends a token without TLS only to the host named {@code
     * localhost}; elsewhere it wants TLS, which a proxy in front of the endpoint has to provide.
     */
    public String connectUrl(String token) {
      String name = isLoopback(host) ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
      return "sc://" + name + ":" + connectPort.orElseThrow() + "/;token=" + token;
    }

    /** {@code jdbc:hive2://host:port/gold}: what an analyst's tool connects to. */
    public String jdbcUrl(String database) {
      return "jdbc:hive2://"
          + (host.contains(":") ? "[" + host + "]" : host)
          + ":"
          + port
          + "/"
          + database;
    }
  }

  private final Lake lake;
  private final SchemaCatalog catalog;
  private final Object server;
  private final ScheduledExecutorService refresher;

  private SqlEndpoint(
      Lake lake, SchemaCatalog catalog, Object server, ScheduledExecutorService refresher) {
    this.lake = lake;
    this.catalog = catalog;
    this.server = server;
    this.refresher = refresher;
  }

  /**
   * The Spark settings of the endpoint's session: Hive catalog in a Derby metastore under {@code
   * metastore}, the read-only extension, and the Thrift server's address and login, and Spark
   * Connect with {@code password} as its token when asked for. Call {@link #prepare(Settings,
   * String)} first.
   */
  public static Map<String, String> sessionSettings(Settings settings, String password) {
    requireThriftServerClasses();
    Path metastore = settings.metastore().toAbsolutePath();
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.catalogImplementation", "hive");
    conf.put("spark.sql.extensions", ReadOnlyExtension.className());
    conf.put("spark.sql.warehouse.dir", metastore.resolve("warehouse").toUri().toString());
    conf.put(
        "spark.hadoop.javax.jdo.option.ConnectionURL",
        "jdbc:derby:;databaseName=" + metastore.resolve("metastore_db") + ";create=true");
    conf.put("spark.hadoop.hive.metastore.schema.verification", "false");
    conf.put("spark.hadoop.datanucleus.schema.autoCreateAll", "true");
    conf.put("spark.hadoop.hive.exec.scratchdir", metastore.resolve("scratch").toString());
    conf.put(
        "spark.hadoop.hive.exec.local.scratchdir", metastore.resolve("scratch-local").toString());
    conf.put("spark.hadoop.hive.server2.transport.mode", "binary");
    conf.put("spark.hadoop.hive.server2.thrift.bind.host", settings.host());
    conf.put("spark.hadoop.hive.server2.thrift.port", String.valueOf(settings.port()));
    conf.put("spark.hadoop.hive.server2.authentication", "CUSTOM");
    conf.put(
        "spark.hadoop.hive.server2.custom.authentication.class", EndpointPassword.class.getName());
    conf.put("spark.hadoop.hive.server2.enable.doAs", "false");
    conf.put("spark.hadoop.hive.server2.logging.operation.enabled", "false");
    if (settings.connectPort().isPresent()) {
      requireClass(CONNECT_PLUGIN, "Spark Connect server");
      // Spark's redaction (spark.redaction.regex) hides the token wherever settings are shown.
      conf.put("spark.plugins", CONNECT_PLUGIN);
      conf.put("spark.connect.grpc.binding.address", settings.host());
      conf.put(
          "spark.connect.grpc.binding.port", String.valueOf(settings.connectPort().getAsInt()));
      conf.put("spark.connect.authenticate.token", password);
    }
    return conf;
  }

  /**
   * Creates the metastore folder (Derby writes its log there, not where the command runs), sets the
   * password and checks the port is free, before anything slow starts.
   */
  public static void prepare(Settings settings, String password) {
    try {
      Files.createDirectories(settings.metastore());
    } catch (IOException e) {
      throw new UserError(
          "cannot create the metastore folder " + settings.metastore() + ": " + e.getMessage(), e);
    }
    System.setProperty("derby.system.home", settings.metastore().toAbsolutePath().toString());
    // Hive builds the login check from a new HiveConf per connection, which reads Hive settings
    // from the system
    // properties, not from the server's configuration.
    System.setProperty("hive.server2.authentication", "CUSTOM");
    System.setProperty(
        "hive.server2.custom.authentication.class", EndpointPassword.class.getName());
    EndpointPassword.set(password);
    probe(settings.host(), settings.port(), "--port");
    if (settings.connectPort().isPresent()) {
      probe(settings.host(), settings.connectPort().getAsInt(), "--connect-port");
    }
  }

  private static void probe(String host, int port, String option) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new UserError(
          "cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); is another endpoint running? choose another "
              + option);
    }
  }

  /**
   * Registers the lake's tables and starts the Thrift server on the session built with {@link
   * #sessionSettings}.
   */
  public static SqlEndpoint start(Lake lake, SchemaCatalog catalog, Settings settings) {
    SparkSession spark = lake.spark();
    List<TableContract> tables = lake.existingTables(catalog);
    if (tables.isEmpty()) {
      throw new UserError(
          "no Delta tables under "
              + lake.root()
              + " (check --lake, or build the lake with `commpulse run`)");
    }
    // On start every table is registered afresh: a metastore kept from an earlier run may name
    // another lake.
    ReadOnlyExtension.trusted(
        () -> {
          lake.registerTables(tables, Map.of());
          return null;
        });
    RunLog.info(
        "serve: %d tables of %s registered in the metastore %s",
        tables.size(), lake.root(), settings.metastore());
    Object server;
    try {
      server =
          Class.forName(THRIFT_SERVER)
              .getMethod("startWithContext", SQLContext.class)
              .invoke(null, spark.sqlContext());
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException unchecked
          ? unchecked
          : new IllegalStateException(cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot start Spark's Thrift server: " + e, e);
    }
    ScheduledExecutorService refresher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "commpulse-serve-refresh");
              thread.setDaemon(true);
              return thread;
            });
    SqlEndpoint endpoint = new SqlEndpoint(lake, catalog, server, refresher);
    long every = settings.refresh().toSeconds();
    refresher.scheduleWithFixedDelay(endpoint::registerNewTables, every, every, TimeUnit.SECONDS);
    return endpoint;
  }

  /**
   * Registers the tables the lake has gained since the last look; a failure is logged and retried
   * next time.
   */
  public int registerNewTables() {
    try {
      SparkSession spark = lake.spark();
      List<TableContract> added =
          lake.existingTables(catalog).stream()
              .filter(t -> !spark.catalog().tableExists(t.layer(), t.name()))
              .toList();
      if (!added.isEmpty()) {
        ReadOnlyExtension.trusted(
            () -> {
              lake.registerTables(added, Map.of());
              return null;
            });
        RunLog.info(
            "serve: registered new tables %s",
            added.stream().map(TableContract::qualifiedName).toList());
      }
      return added.size();
    } catch (RuntimeException e) {
      RunLog.info("serve: could not look for new tables (%s); trying again later", e.getMessage());
      return 0;
    }
  }

  /**
   * Throws a {@link UserError} saying where to get the Thrift server's jars when they are not on
   * the class path.
   */
  static void requireThriftServerClasses() {
    for (String name : List.of(THRIFT_SERVER, HIVE_STATE)) {
      requireClass(name, "Thrift server and Hive");
    }
  }

  private static void requireClass(String name, String what) {
    try {
      Class.forName(name, false, SqlEndpoint.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new UserError(
          "serve needs Spark's "
              + what
              + " jars ("
              + name
              + " is missing), which the"
              + " commpulse jar does not bundle: run scripts/setup-python.sh (pyspark's jars/ folder has them; ./commpulse"
              + " serve adds it), or set SPARK_HOME to a Spark 4.1 distribution");
    }
  }

  /** Stops the Thrift server; a server that Spark's own shutdown already stopped is left alone. */
  @Override
  public void close() {
    refresher.shutdownNow();
    try {
      server.getClass().getMethod("stop").invoke(server);
    } catch (ReflectiveOperationException | RuntimeException e) {
      RunLog.info("serve: the Thrift server did not stop cleanly (%s)", e);
    }
  }

  /** Whether an address is this machine's loopback (or names it). */
  public static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
