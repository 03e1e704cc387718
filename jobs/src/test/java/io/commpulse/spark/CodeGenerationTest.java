package io.commpulse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.testing.TestSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class CodeGenerationTest {
  private static final long MIB = 1L << 20;

  @Test
  void aSmallInputIsInterpretedAndALargeOneCompiled() {
    assertTrue(CodeGeneration.interprets(0, Map.of()));
    assertTrue(CodeGeneration.interprets(24 * MIB - 1, Map.of()));
    assertFalse(CodeGeneration.interprets(24 * MIB, Map.of()));
    assertFalse(CodeGeneration.interprets(2_000 * MIB, Map.of()));
  }

  @Test
  void eitherCodeGenerationSettingOnTheCommandLineLeavesTheChoiceToTheUser() {
    assertFalse(
        CodeGeneration.interprets(MIB, Map.of("spark.sql.codegen.wholeStage", "true")),
        "wholeStage");
    assertFalse(
        CodeGeneration.interprets(MIB, Map.of("spark.sql.codegen.factoryMode", "FALLBACK")),
        "factoryMode");
    assertTrue(
        CodeGeneration.interprets(MIB, Map.of("spark.sql.shuffle.partitions", "2")),
        "an unrelated setting");
  }

  @Test
  void theInterpretingSessionIsANewOneAndItsQueriesAnswerAsCompiledOnesDo() {
    SparkSession shared = TestSpark.session();
    String factoryMode = shared.conf().get("spark.sql.codegen.factoryMode");
    String wholeStage = shared.conf().get("spark.sql.codegen.wholeStage");
    SparkSession interpreting = CodeGeneration.interpreting(shared);

    assertNotSame(shared, interpreting);
    assertEquals("NO_CODEGEN", interpreting.conf().get("spark.sql.codegen.factoryMode"));
    assertEquals("false", interpreting.conf().get("spark.sql.codegen.wholeStage"));
    assertEquals(factoryMode, shared.conf().get("spark.sql.codegen.factoryMode"), "unchanged");
    assertEquals(wholeStage, shared.conf().get("spark.sql.codegen.wholeStage"), "unchanged");

    // 1..10: sum 55, mean 5.5, the squares' sum 385, the even ones 2+4+6+8+10 = 30.
    String query =
        "SELECT sum(id), avg(id), sum(id * id), sum(CASE WHEN id % 2 = 0 THEN id END),"
            + " concat('n=', count(*)) FROM range(1, 11)";
    List<Row> expected = List.of(RowFactory.create(55L, 5.5, 385L, 30L, "n=10"));
    assertEquals(expected, interpreting.sql(query).collectAsList(), "interpreted");
    assertEquals(expected, shared.sql(query).collectAsList(), "compiled");
  }

  @Test
  void theIngestsSessionKeepsTheInterpretersChoice() {
    SparkSession interpreting = CodeGeneration.interpreting(TestSpark.session());
    SparkSession ingest = CodeGeneration.withoutWholeStage(interpreting);
    assertEquals("NO_CODEGEN", ingest.conf().get("spark.sql.codegen.factoryMode"));
    assertEquals("false", ingest.conf().get("spark.sql.codegen.wholeStage"));

    SparkSession compiling = CodeGeneration.withoutWholeStage(TestSpark.session());
    assertEquals("FALLBACK", compiling.conf().get("spark.sql.codegen.factoryMode"));
    assertEquals("false", compiling.conf().get("spark.sql.codegen.wholeStage"));
  }
}
