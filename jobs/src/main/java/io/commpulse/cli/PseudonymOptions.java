package io.commpulse.cli;

import io.commpulse.ops.RunLog;
import io.commpulse.silver.PseudonymKey;
import picocli.CommandLine.Option;

/**
 * The pseudonymisation key: from the environment, or the public demo key when explicitly asked for.
 */
public final class PseudonymOptions {
  @Option(
      names = "--demo-key",
      description =
          "Use the public demo pseudonymisation key when COMMPULSE_PSEUDONYM_KEY is not set."
              + " For sample data only: pseudonyms made with a public key can be reversed by guessing ids.")
  boolean demoKey;

  public PseudonymKey key() {
    PseudonymKey key = PseudonymKey.resolve(demoKey);
    if (key.isDemo()) {
      RunLog.info("using the public demo pseudonymisation key (sample data only)");
    }
    return key;
  }
}
