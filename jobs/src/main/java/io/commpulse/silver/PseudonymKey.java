package io.commpulse.silver;

import io.commpulse.errors.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The secret that keys the HMAC pseudonyms. It comes from {@code COMMPULSE_PSEUDONYM_KEY}, or a
 * file named by {@code COMMPULSE_PSEUDONYM_KEY_FILE}; only the demo and tests may use the public
 * demo key. {@link #toString()} never shows it, so it cannot end up in logs by accident.
 */
public final class PseudonymKey {
  public static final String ENV_KEY = "COMMPULSE_PSEUDONYM_KEY";
  public static final String ENV_KEY_FILE = "COMMPULSE_PSEUDONYM_KEY_FILE";
  private static final String DEMO_KEY = "commpulse-public-demo-key-not-secret";
  private static final int MIN_LENGTH = 16;

  private final byte[] secret;
  private final boolean demo;

  private PseudonymKey(byte[] secret, boolean demo) {
    this.secret = secret;
    this.demo = demo;
  }

  public static PseudonymKey demo() {
    return new PseudonymKey(DEMO_KEY.getBytes(StandardCharsets.UTF_8), true);
  }

  public static PseudonymKey of(String secret) {
    if (secret.length() < MIN_LENGTH) {
      throw new UserError(
          "the pseudonymisation key must have at least " + MIN_LENGTH + " characters");
    }
    return new PseudonymKey(secret.getBytes(StandardCharsets.UTF_8), false);
  }

  /** The configured key; with {@code allowDemo} the demo key is the fallback. */
  public static PseudonymKey resolve(boolean allowDemo) {
    String value = System.getenv(ENV_KEY);
    if (value != null && !value.isBlank()) {
      return of(value.strip());
    }
    String file = System.getenv(ENV_KEY_FILE);
    if (file != null && !file.isBlank()) {
      try {
        return of(Files.readString(Path.of(file)).strip());
      } catch (IOException e) {
        throw new UserError(
            "cannot read the pseudonymisation key file named by " + ENV_KEY_FILE + ": " + file);
      }
    }
    if (allowDemo) {
      return demo();
    }
    throw new UserError(
        "no pseudonymisation key: set "
            + ENV_KEY
            + " (or "
            + ENV_KEY_FILE
            + " to a file holding it); use --demo-key only for sample data");
  }

  byte[] secret() {
    return secret.clone();
  }

  public boolean isDemo() {
    return demo;
  }

  @Override
  public String toString() {
    return demo ? "PseudonymKey[demo]" : "PseudonymKey[****]";
  }
}
