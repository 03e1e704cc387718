package io.commpulse.cli;

import io.commpulse.errors.UserError;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of every job: {@code commpulse <command> [options]}. */
@Command(
    name = "commpulse",
    mixinStandardHelpOptions = true,
    versionProvider = CommPulse.Version.class,
    description = {
      "Communication-analytics pipeline: ingest landing files into Delta tables,",
      "compute communication KPIs, compare channels and render monthly reports."
    },
    footer = {
      "",
      "Environment:",
      "  COMMPULSE_PSEUDONYM_KEY   key for pseudonymising identifiers (silver and later)",
      "  COMMPULSE_SCHEMAS         use table contracts from this folder instead of the bundled ones",
      "  COMMPULSE_SERVE_PASSWORD  password of `serve` logins (or --password-file)",
      "  COMMPULSE_DEBUG=1         print stack traces of unexpected errors",
      "  COMMPULSE_EXTRA_CLASSPATH jars ./commpulse adds (hadoop-aws for s3a://)",
      "  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY   credentials for s3a:// lakes"
    },
    subcommands = {
      GenerateCommand.class,
      IngestCommand.class,
      SilverCommand.class,
      GoldCommand.class,
      RunCommand.class,
      RestateCommand.class,
      QualityGateCommand.class,
      ImportCommand.class,
      AbTestCommand.class,
      SqlCommand.class,
      ServeCommand.class,
      MaintainCommand.class,
      DocsCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CommPulse implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code: 0 ok, 1 failed, 2 bad usage. */
  public static int execute(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CommPulse());
    cli.registerConverter(YearMonth.class, CommPulse::parseMonth);
    cli.setExecutionExceptionHandler(CommPulse::handleFailure);
    CommandLine.IParameterExceptionHandler badUsage = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler(
        (e, args) ->
            e.getCause() instanceof UserError error
                ? printUserError(error, e.getCommandLine())
                : badUsage.handleParseException(e, args));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  static YearMonth parseMonth(String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a month; use YYYY-MM, e.g. 2026-10");
    }
  }

  /**
   * An option value a converter rejects with a {@link UserError} is reported like a failure of the
   * command: one line, exit code 1.
   */
  private static int printUserError(UserError error, CommandLine cli) {
    PrintWriter err = cli.getErr();
    err.println("error: " + error.getMessage());
    err.flush();
    return 1;
  }

  private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    Optional<String> known = KnownFailures.explain(e);
    if (known.isPresent()) {
      err.println("error: " + known.get());
      if (System.getenv("COMMPULSE_DEBUG") != null) {
        e.printStackTrace(err);
      }
    } else {
      err.println("error: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
      if (System.getenv("COMMPULSE_DEBUG") != null) {
        e.printStackTrace(err);
      } else {
        err.println("(set COMMPULSE_DEBUG=1 for the stack trace)");
      }
    }
    err.flush();
    return 1;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CommPulse.class.getPackage().getImplementationVersion();
      return new String[] {"commpulse " + (version == null ? "dev" : version)};
    }
  }
}
