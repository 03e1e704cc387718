package io.commpulse.imports;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.ingest.BronzeIngest;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.RealData;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LikertSurveyTest {
  private static final TableContract CONTRACT =
      SchemaCatalog.get().table("landing.survey_responses");
  private static final Path SOMERVILLE_MAPPING =
      TestSpark.repoRoot().resolve("jobs/src/main/resources/import-mappings/somerville.json");

  private static LikertSurvey survey(
      LikertSurvey.Scale scale, List<LikertSurvey.Question> questions) {
    return new LikertSurvey(
        "s",
        null,
        "UTC",
        List.of("NA"),
        null,
        ColumnRule.ofConstant("HR"),
        ColumnRule.ofConstant("2025-03-01 12:00:00"),
        scale,
        questions);
  }

  /*
   * Independent figures, pandas 2:
   *   s = pd.read_csv('SomervilleHappinessSurvey2015.csv'); s.shape -> (143, 7) (plain ASCII, no byte-order mark)
   *   s[['X1','X2','X3','X4','X5','X6']].mean() -> X1 4.314685314685315, X2 2.5384615384615383,
   *     X3 3.265734265734266, X4 3.699300699300699, X5 3.6153846153846154, X6 4.216783216783217
   */
  @Test
  void reshapesEverySomervilleAnswer() {
    // The six columns under placeholder ids: this checks the reshaping, not what the questions
    // mean.
    List<LikertSurvey.Question> six =
        List.of("X1", "X2", "X3", "X4", "X5", "X6").stream()
            .map(c -> new LikertSurvey.Question(c, c, false, null))
            .toList();
    LikertSurvey all = survey(new LikertSurvey.Scale(1, 5, null), six);
    try (ExportFile export = ExportFile.open(RealData.file("SomervilleHappinessSurvey2015.csv"))) {
      assertNull(export.byteOrderMark());
      Dataset<Row> answers =
          all.answers(export.read(TestSpark.session(), ExportFile.Dialect.DEFAULT), CONTRACT);
      assertEquals(143 * 6, answers.count());
      assertEquals(0, answers.where("size(_problems) > 0").count());
      assertEquals(143, answers.select("response_id").distinct().count());
      Map<String, Double> means = new HashMap<>();
      answers
          .groupBy("question_id")
          .agg(avg(col("answer").cast("int")))
          .collectAsList()
          .forEach(r -> means.put(r.getString(0), r.getDouble(1)));
      Map<String, Double> expected =
          Map.of(
              "X1",
              4.314685314685315,
              "X2",
              2.5384615384615383,
              "X3",
              3.265734265734266,
              "X4",
              3.699300699300699,
              "X5",
              3.6153846153846154,
              "X6",
              4.216783216783217);
      expected.forEach((q, mean) -> assertEquals(mean, means.get(q), 1e-12, "mean of " + q));
    }
  }

  @Test
  void readsLabelsReversedQuestionsAndShiftedScales() {
    Dataset<Row> export =
        ExportRows.of("id", "q1", "q2")
            .row("r1", "4.0", "Strongly agree")
            .row("r2", "0", "1")
            .row("r3", "", "7")
            .row("r4", "NA", "often")
            .dataset();
    LikertSurvey reversedSecond =
        new LikertSurvey(
            "s",
            null,
            "UTC",
            List.of("NA"),
            ColumnRule.ofColumn("id"),
            ColumnRule.ofConstant("HR"),
            ColumnRule.ofConstant("2025-03-01 12:00:00"),
            new LikertSurvey.Scale(0, 4, Map.of("Strongly agree", 4)),
            List.of(
                new LikertSurvey.Question("q1", "clear_language", false, null),
                new LikertSurvey.Question("q2", "clear_actions", true, null)));
    Map<String, Map<String, Object>> answers =
        ExportRows.byKey(reversedSecond.answers(export, CONTRACT));
    assertEquals("5", answers.get("r1/q1").get("answer"), "4 on 0..4 is 5 on 1..5");
    assertEquals(
        "1",
        answers.get("r1/q2").get("answer"),
        "'Strongly agree' = 4, reversed to 0, shifted to 1");
    assertEquals("1", answers.get("r2/q1").get("answer"));
    assertEquals("4", answers.get("r2/q2").get("answer"), "1 reversed to 3, shifted to 4");
    assertEquals("HR", answers.get("r1/q1").get("department"));
    assertEquals("2025-03-01T12:00:00Z", answers.get("r1/q1").get("submitted_at"));
    assertEquals("2025-03", answers.get("r1/q1").get(SourceFields.MONTH));
    assertEquals(
        List.of("no_answer: column q1 is empty"), answers.get("r3/q1").get(SourceFields.PROBLEMS));
    assertEquals(
        List.of("out_of_range: column q2: '7' is outside the scale 0..4"),
        answers.get("r3/q2").get(SourceFields.PROBLEMS));
    assertEquals(
        List.of("no_answer: column q1 is empty"),
        answers.get("r4/q1").get(SourceFields.PROBLEMS),
        "NA is a missing value");
    assertEquals(
        List.of("bad_value: column q2: 'often' is neither a whole number nor a label of the scale"),
        answers.get("r4/q2").get(SourceFields.PROBLEMS));
  }

  @Test
  void shippedSomervilleMappingImportsAndPassesIngest() {
    LikertSurvey mapping = LikertSurvey.load(SOMERVILLE_MAPPING, SchemaCatalog.get());
    Path out = TestSpark.tempDir("commpulse-import-somerville");
    ImportReport report =
        new ImportJob(TestSpark.session(), SchemaCatalog.get())
            .run(mapping, RealData.file("SomervilleHappinessSurvey2015.csv"), out);
    assertEquals(143, report.inputRecords());
    assertEquals(143, report.units(), "143 respondents x 1 mapped question");
    assertEquals(143, report.mapped());
    assertEquals(Map.of("2015-06", 143L), report.rowsPerMonth());

    Row x1 =
        Landing.csv(out, "survey_responses", LikertSurvey.FORMAT)
            .selectExpr(
                "count(*)", "avg(cast(answer AS int))", "min(question_id)", "max(submitted_at)")
            .first();
    assertEquals(143L, x1.getLong(0));
    assertEquals(4.314685314685315, x1.getDouble(1), 1e-12, "mean of X1 (pandas, see above)");
    assertEquals("conv_find", x1.getString(2));
    assertEquals("2015-06-01T04:00:00Z", x1.getString(3), "midnight in Somerville, MA");

    BronzeIngest.Outcome outcome = Landing.ingest(out, "survey_responses", YearMonth.of(2015, 6));
    assertEquals(
        report.mapped(),
        outcome.accepted() + outcome.quarantined(),
        "rows accepted + quarantined = rows imported");
    assertEquals(0, outcome.quarantined());
  }

  @Test
  void refusesMappingsTheContractCannotHold(@TempDir Path dir) throws IOException {
    Path unknownQuestion = dir.resolve("q.json");
    Files.writeString(
        unknownQuestion,
        """
        {"survey": "s", "department": {"constant": "HR"}, "submitted_at": {"constant": "2025-01-01 00:00:00"},
         "scale": {"min": 1, "max": 5}, "questions": [{"column": "X2", "question_id": "housing_cost"}]}""");
    UserError e =
        assertThrows(
            UserError.class, () -> LikertSurvey.load(unknownQuestion, SchemaCatalog.get()));
    assertTrue(
        e.getMessage().contains("question_id 'housing_cost' (column X2) is not one of"),
        e.getMessage());

    Path sevenPoints = dir.resolve("seven.json");
    Files.writeString(
        sevenPoints,
        """
        {"survey": "s", "department": {"constant": "HR"}, "submitted_at": {"constant": "2025-01-01 00:00:00"},
         "scale": {"min": 1, "max": 7}, "questions": [{"column": "X1", "question_id": "overall"}]}""");
    e = assertThrows(UserError.class, () -> LikertSurvey.load(sevenPoints, SchemaCatalog.get()));
    assertTrue(e.getMessage().contains("scale 1..7 has 7 points"), e.getMessage());

    Path badDepartment = dir.resolve("dept.json");
    Files.writeString(
        badDepartment,
        """
        {"survey": "s", "department": {"constant": "Human Resources"}, "submitted_at": {"constant": "2025-01-01 00:00:00"},
         "scale": {"min": 1, "max": 5}, "questions": [{"column": "X1", "question_id": "overall"}], "typo": 1}""");
    e = assertThrows(UserError.class, () -> LikertSurvey.load(badDepartment, SchemaCatalog.get()));
    assertTrue(e.getMessage().contains("typo"), e.getMessage());
  }
}
