package io.commpulse.silver;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Replaces identifiers by HMAC-SHA256(key, id) in hex. A UDF rather than SQL {@code
 * sha2(concat(key, id))} keeps the key out of query plans, and so out of logs and Spark event logs.
 */
public final class Pseudonymizer {
  private final UserDefinedFunction udf;

  public Pseudonymizer(PseudonymKey key) {
    byte[] secret = key.secret();
    UDF1<String, String> hmac = id -> id == null ? null : hmacHex(secret, id);
    this.udf = functions.udf(hmac, DataTypes.StringType).withName("pseudonym");
  }

  public Column apply(Column identifier) {
    return udf.apply(identifier);
  }

  static String hmacHex(byte[] secret, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
