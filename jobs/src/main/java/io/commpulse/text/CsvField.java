package io.commpulse.text;

/** One field of RFC 4180 CSV, quoted only when it has to be, the way common exporters write it. */
public final class CsvField {
  private CsvField() {}

  /**
   * The field as written: null as empty, quoted (inner quotes doubled) when it holds a comma, quote
   * or line break.
   */
  public static String quote(String field) {
    if (field == null) {
      return "";
    }
    if (field.indexOf(',') >= 0
        || field.indexOf('"') >= 0
        || field.indexOf('\n') >= 0
        || field.indexOf('\r') >= 0) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }
}
