package io.commpulse.schema;

/** A schema file is missing, does not parse, or contradicts itself. */
public class SchemaException extends RuntimeException {
  public SchemaException(String message) {
    super(message);
  }

  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
