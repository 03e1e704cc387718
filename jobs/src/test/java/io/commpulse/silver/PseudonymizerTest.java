package io.commpulse.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Pseudonyms must equal an independent HMAC-SHA256: the hex digests below are Python's {@code
 * hmac.new(key, msg, hashlib.sha256).hexdigest()}, printed by
 * jobs/src/test/reference/gold_reference.py (section "PseudonymizerTest").
 */
class PseudonymizerTest {
  private static final String TEST_KEY = "a-test-key-of-32-characters-long";

  @Test
  void hmacMatchesPythonsHmacModule() {
    assertEquals(
        "700062a576bd7cae34d09d1682f1caccc3210cdc31fb02aa17da5a49758409a2",
        Pseudonymizer.hmacHex(PseudonymKey.demo().secret(), "E000123"));
    byte[] key = PseudonymKey.of(TEST_KEY).secret();
    assertEquals(
        "f6f180470c8d0e923d33353eca641ce6e57b75cec1ba72752e911682a6780558",
        Pseudonymizer.hmacHex(key, "C1234567"));
    assertEquals(
        "3d63968b02129944c33d997fcce715e65b37f5a57a71495466e1b07dea738d40",
        Pseudonymizer.hmacHex(key, "@user123456"));
    assertEquals(
        "5042673e0e46ca70611a3a770f6b661b9cffef7862635a892b1d096230b44cbc",
        Pseudonymizer.hmacHex(key, "@小明同学"),
        "identifiers are hashed as UTF-8");
  }

  @Test
  void sparkColumnGivesTheSameDigestsAndKeepsNulls() {
    Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymKey.of(TEST_KEY));
    List<Row> rows =
        TestSpark.session()
            .createDataset(Arrays.asList("C1234567", null, "@user123456"), Encoders.STRING())
            .toDF("id")
            .select(col("id"), pseudonyms.apply(col("id")).as("key"))
            .collectAsList();
    assertEquals(
        "f6f180470c8d0e923d33353eca641ce6e57b75cec1ba72752e911682a6780558",
        rows.get(0).getString(1));
    assertNull(rows.get(1).get(1), "a missing identifier stays missing");
    assertEquals(
        "3d63968b02129944c33d997fcce715e65b37f5a57a71495466e1b07dea738d40",
        rows.get(2).getString(1));
  }

  @Test
  void theKeyNeverShowsInTheQueryPlan() {
    Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymKey.of(TEST_KEY));
    String plan =
        TestSpark.session()
            .createDataset(List.of("E000001"), Encoders.STRING())
            .toDF("id")
            .select(pseudonyms.apply(col("id")))
            .queryExecution()
            .toString();
    assertFalse(plan.contains(TEST_KEY), plan);
  }

  @Test
  void aDifferentKeyGivesUnrelatedPseudonyms() {
    assertNotEquals(
        Pseudonymizer.hmacHex(PseudonymKey.demo().secret(), "E000123"),
        Pseudonymizer.hmacHex(PseudonymKey.of(TEST_KEY).secret(), "E000123"));
  }

  @Test
  void keysShorterThanSixteenCharactersAreRefused() {
    assertThrows(UserError.class, () -> PseudonymKey.of("fifteen-chars!!"));
    assertEquals("sixteen-chars!!!".length(), 16);
    PseudonymKey.of("sixteen-chars!!!");
  }

  @Test
  void theKeyIsNeverPrinted() {
    PseudonymKey key = PseudonymKey.of(TEST_KEY);
    assertFalse(key.toString().contains(TEST_KEY));
    assertFalse(key.isDemo());
    assertTrue(PseudonymKey.demo().isDemo());
    assertEquals(TEST_KEY, new String(key.secret(), StandardCharsets.UTF_8));
    key.secret()[0] = 0;
    assertEquals(
        TEST_KEY,
        new String(key.secret(), StandardCharsets.UTF_8),
        "callers get a copy of the secret");
  }

  @Test
  void refusesToRunWithoutAKeyUnlessTheDemoKeyIsAllowed() {
    Assumptions.assumeTrue(
        System.getenv(PseudonymKey.ENV_KEY) == null
            && System.getenv(PseudonymKey.ENV_KEY_FILE) == null,
        "needs an environment without a configured pseudonymisation key");
    UserError refused = assertThrows(UserError.class, () -> PseudonymKey.resolve(false));
    assertTrue(refused.getMessage().contains(PseudonymKey.ENV_KEY), refused.getMessage());
    assertTrue(PseudonymKey.resolve(true).isDemo());
  }
}
