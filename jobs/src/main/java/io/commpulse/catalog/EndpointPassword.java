package io.commpulse.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.security.sasl.AuthenticationException;
import org.apache.hive.service.auth.PasswdAuthenticationProvider;

/**
 * The SQL endpoint's login check, which the Thrift server calls for every new connection ({@code
 * hive.server2.authentication=CUSTOM}). Any user name is accepted (it names the connection in the
 * logs); the password must equal the endpoint's secret. The comparison is of SHA-256 digests with
 * {@link MessageDigest#isEqual}, so its time does not depend on how much of a guess was right, nor
 * on its length.
 *
 * <p>The Thrift server builds this class by reflection, so the secret cannot be passed to it:
 * {@link SqlEndpoint} sets it here, in memory, never in a setting that Spark would show.
 */
public final class EndpointPassword implements PasswdAuthenticationProvider {
  private static volatile byte[] secretDigest;

  /** Sets the secret every login is checked against. */
  static void set(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the endpoint password must not be empty");
    }
    secretDigest = digest(secret);
  }

  @Override
  public void Authenticate(String user, String password) throws AuthenticationException {
    byte[] expected = secretDigest;
    if (expected == null
        || password == null
        || !MessageDigest.isEqual(expected, digest(password))) {
      throw new AuthenticationException("wrong user name or password");
    }
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
