package io.commpulse.cli;

import io.commpulse.catalog.DataDictionary;
import io.commpulse.errors.UserError;
import io.commpulse.ops.RunLog;
import io.commpulse.schema.SchemaCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the data dictionary from the contracts in schemas/: every table",
      "with its grain, keys and partitioning, every column with its type, unit,",
      "constraints and description. Without --out it goes to stdout."
    })
final class DocsCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "FILE", description = "Write here, e.g. docs/tables.md.")
  Path out;

  @Option(
      names = "--check",
      description = "Write nothing; fail when --out differs from what would be generated.")
  boolean check;

  @Override
  public Integer call() throws IOException {
    String markdown = DataDictionary.markdown(SchemaCatalog.get());
    if (out == null) {
      if (check) {
        throw new UserError("--check needs --out FILE to compare with");
      }
      System.out.print(markdown);
      return 0;
    }
    if (check) {
      boolean fresh =
          Files.isRegularFile(out)
              && Files.readString(out, StandardCharsets.UTF_8).equals(markdown);
      if (!fresh) {
        throw new UserError(
            out + " is stale: run `" + DataDictionary.COMMAND + "` and commit the result");
      }
      RunLog.info("docs: %s is up to date", out);
      return 0;
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, markdown, StandardCharsets.UTF_8);
    RunLog.info("docs: wrote %s (%d tables)", out, SchemaCatalog.get().tables().size());
    return 0;
  }
}
