package io.commpulse.cli;

import io.commpulse.catalog.SqlEndpoint;
import io.commpulse.errors.UserError;
import io.commpulse.lake.Lake;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the lake read-only over JDBC/ODBC until stopped: Spark's Thrift server (HiveServer2",
      "protocol, for beeline, the Hive JDBC driver, DBeaver, Superset, PyHive) with every table registered as",
      "layer.table in an embedded metastore. Statements that would change the lake or the catalog are refused,",
      "as in `commpulse sql`. Each query reads the latest Delta snapshot, so new months appear without a",
      "restart; tables that are new to the lake are registered every --refresh-minutes.",
      "",
      "Logins need the password from --password-file or COMMPULSE_SERVE_PASSWORD (any user name).",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  COMMPULSE_SERVE_PASSWORD=... commpulse serve --lake lake",
      "  commpulse serve --lake lake --password-file /etc/commpulse/serve.password --port 10001",
      "  beeline -u jdbc:hive2://127.0.0.1:10000/gold -n analyst -w password.txt"
    })
final class ServeCommand implements Callable<Integer> {
  static final String PASSWORD_ENV = "COMMPULSE_SERVE_PASSWORD";

  @Option(
      names = "--metastore",
      paramLabel = "DIR",
      description =
          "Folder of the embedded Derby metastore (not inside the lake). Default: ~/.commpulse/metastore")
  Path metastore;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on; the protocol is not encrypted, so keep loopback unless a TLS proxy or a"
              + " trusted network is in front. Default: ${DEFAULT-VALUE}")
  String host;

  @Option(
      names = "--port",
      defaultValue = "10000",
      paramLabel = "N",
      description = "JDBC/ODBC (Thrift) port. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "File holding the password (its first line); otherwise COMMPULSE_SERVE_PASSWORD.")
  Path passwordFile;

  @Option(
      names = "--refresh-minutes",
      defaultValue = "10",
      paramLabel = "N",
      description =
          "How often to register tables that are new to the lake. Default: ${DEFAULT-VALUE}")
  long refreshMinutes;

  @Option(
      names = "--connect-port",
      paramLabel = "N",
      description = {
        "Also serve Spark Connect on this port (e.g. 15002), the password being its token:",
        "  SparkSession.builder.remote(\"sc://127.0.0.1:15002/;token=...\")"
      })
  Integer connectPort;

  @Mixin LakeOptions lakeOptions;

  @Override
  public Integer call() throws InterruptedException {
    String password = password();
    Path folder =
        metastore != null
            ? metastore
            : Path.of(System.getProperty("user.home"), ".commpulse", "metastore");
    SqlEndpoint.Settings settings =
        new SqlEndpoint.Settings(
            folder,
            host,
            port,
            Duration.ofMinutes(refreshMinutes),
            connectPort == null ? OptionalInt.empty() : OptionalInt.of(connectPort));
    Map<String, String> session = SqlEndpoint.sessionSettings(settings, password);
    SqlEndpoint.prepare(settings, password);
    Lake lake = lakeOptions.open("serve", session);
    // Delta tables in a Hive metastore are stored in Spark's own format; Hive is told so once per
    // table, in vain.
    Configurator.setLevel("org.apache.spark.sql.hive.HiveExternalCatalog", Level.ERROR);
    SqlEndpoint endpoint = SqlEndpoint.start(lake, SchemaCatalog.get(), settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  RunLog.info("serve: stopping");
                  endpoint.close();
                  stopped.countDown();
                },
                "commpulse-serve-stop"));
    if (!SqlEndpoint.isLoopback(host)) {
      RunLog.info(
          "serve: listening on %s: the JDBC protocol is not encrypted, passwords included", host);
    }
    // One line on stdout that a script (or a test) can wait for.
    System.out.println(
        "serving "
            + settings.jdbcUrl("gold")
            + (connectPort == null ? "" : " and " + settings.connectUrl("<password>"))
            + " (read-only; stop with Ctrl-C or SIGTERM)");
    System.out.flush();
    stopped.await();
    return 0;
  }

  private String password() {
    String secret;
    if (passwordFile != null) {
      try {
        secret =
            Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream()
                .findFirst()
                .orElse("");
      } catch (IOException e) {
        throw new UserError(
            "cannot read --password-file " + passwordFile + ": " + e.getMessage(), e);
      }
    } else {
      secret = System.getenv(PASSWORD_ENV);
      if (secret == null) {
        throw new UserError(
            "serve needs a password for its logins: --password-file FILE, or the environment"
                + " variable "
                + PASSWORD_ENV
                + " (never on the command line, where every user of the machine sees it)");
      }
    }
    if (secret.isBlank()) {
      throw new UserError(
          "the serve password is empty ("
              + (passwordFile != null ? passwordFile : PASSWORD_ENV)
              + ")");
    }
    return secret;
  }
}
