package io.commpulse.lake;

import io.commpulse.errors.UserError;
import java.util.List;

/**
 * Rows about to be written break their table's key: a key column is null, or two rows share a key.
 * Nothing was written; the message names the table, the key columns and an offending key.
 */
public final class KeyViolationException extends UserError {
  private final String table;
  private final List<String> keys;

  KeyViolationException(String table, List<String> keys, String message) {
    super(message);
    this.table = table;
    this.keys = List.copyOf(keys);
  }

  public String table() {
    return table;
  }

  public List<String> keys() {
    return keys;
  }
}
