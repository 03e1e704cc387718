package io.commpulse.imports;

import static io.commpulse.imports.SourceFields.CORRUPT;
import static io.commpulse.imports.SourceFields.KEY;
import static io.commpulse.imports.SourceFields.MONTH;
import static io.commpulse.imports.SourceFields.PROBLEMS;
import static io.commpulse.imports.SourceFields.RAW;
import static io.commpulse.imports.SourceFields.RECORD;
import static io.commpulse.imports.SourceFields.RECORDS;
import static io.commpulse.imports.SourceFields.exportColumn;
import static io.commpulse.imports.SourceFields.present;
import static io.commpulse.imports.SourceFields.problem;
import static io.commpulse.imports.SourceFields.quoted;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.commpulse.errors.UserError;
import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * A wide survey export (one row per respondent, one column per question) to {@code
 * survey_responses}, one answer per respondent and mapped question, driven by a mapping file (JSON)
 * that names the question columns, their question_id and the answer scale. See docs/import.md.
 *
 * <p>Answers are numbers on the scale (whole numbers; "4.0" is read as 4) or labels listed in
 * {@code scale.labels}. A reversed question is flipped (min + max - answer). A 5-point scale that
 * does not start at 1 (0..4) is shifted onto 1..5; other scale lengths are refused, since the
 * contract stores 1..5 answers. An empty, unreadable or out-of-scale answer is reported unmapped.
 *
 * @param survey short name, used for response ids when the export has no response id column
 * @param responseId rule for response_id; default: survey name and record number ("s2015-17")
 */
public record LikertSurvey(
    @JsonProperty(value = "survey", required = true) String survey,
    @JsonProperty("csv") ExportFile.Dialect csv,
    @JsonProperty("timezone") String timezone,
    @JsonProperty("missing_values") List<String> missingValues,
    @JsonProperty("response_id") ColumnRule responseId,
    @JsonProperty(value = "department", required = true) ColumnRule department,
    @JsonProperty(value = "submitted_at", required = true) ColumnRule submittedAt,
    @JsonProperty(value = "scale", required = true) Scale scale,
    @JsonProperty(value = "questions", required = true) List<Question> questions)
    implements ImportAdapter {
  public static final String FORMAT = "likert-survey";

  /**
   * @param labels answer text -> number on the scale, for exports that write "Agree" instead of 4
   */
  public record Scale(
      @JsonProperty(value = "min", required = true) int min,
      @JsonProperty(value = "max", required = true) int max,
      @JsonProperty("labels") Map<String, Integer> labels) {
    public Scale {
      labels = labels == null ? Map.of() : new LinkedHashMap<>(labels);
    }
  }

  /**
   * @param text the question as asked, for the reader of the mapping file
   */
  public record Question(
      @JsonProperty(value = "column", required = true) String column,
      @JsonProperty(value = "question_id", required = true) String questionId,
      @JsonProperty("reversed") boolean reversed,
      @JsonProperty("text") String text) {}

  public LikertSurvey {
    csv = csv == null ? ExportFile.Dialect.DEFAULT : csv;
    missingValues = missingValues == null ? List.of() : List.copyOf(missingValues);
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  public static LikertSurvey load(Path file, SchemaCatalog catalog) {
    LikertSurvey mapping = ColumnMapping.readJson(file, LikertSurvey.class);
    mapping.check("mapping file " + file, catalog.table("landing.survey_responses"));
    return mapping;
  }

  public LikertSurvey withTimezone(String zone) {
    return new LikertSurvey(
        survey, csv, zone, missingValues, responseId, department, submittedAt, scale, questions);
  }

  void check(String where, TableContract contract) {
    if (questions.isEmpty()) {
      throw new UserError(where + ": \"questions\" is empty");
    }
    if (scale.max() - scale.min() != 4) {
      throw new UserError(
          where
              + ": scale "
              + scale.min()
              + ".."
              + scale.max()
              + " has "
              + (scale.max() - scale.min() + 1)
              + " points; survey_responses holds 5-point answers (1..5), so the scale must span 5 points");
    }
    scale
        .labels()
        .forEach(
            (label, value) -> {
              if (value < scale.min() || value > scale.max()) {
                throw new UserError(
                    where + ": label '" + label + "' = " + value + " is outside the scale");
              }
            });
    ColumnSpec questionId = contract.requireColumn("question_id");
    Set<String> seen = new HashSet<>();
    for (Question q : questions) {
      if (questionId.allowed() != null && !questionId.allowed().contains(q.questionId())) {
        throw new UserError(
            where
                + ": question_id '"
                + q.questionId()
                + "' (column "
                + q.column()
                + ") is not one of "
                + questionId.allowed());
      }
      if (!seen.add(q.questionId())) {
        throw new UserError(where + ": question_id '" + q.questionId() + "' is mapped twice");
      }
    }
    if (responseId != null) {
      responseId.check(where + ", response_id", contract.requireColumn("response_id"));
    }
    department.check(where + ", department", contract.requireColumn("department"));
    submittedAt.check(where + ", submitted_at", contract.requireColumn("submitted_at"));
    zone(contract, where);
  }

  ZoneId zone(TableContract contract, String where) {
    String name =
        timezone != null
            ? timezone
            : contract.sourceTimezone() != null ? contract.sourceTimezone() : "UTC";
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new UserError(where + ": unknown time zone '" + name + "'");
    }
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String source() {
    return "survey_responses";
  }

  @Override
  public Candidates map(SparkSession spark, ExportFile export, TableContract contract) {
    Dataset<Row> respondents = export.read(spark, csv).cache();
    List<String> needed = new ArrayList<>(questions.stream().map(Question::column).toList());
    for (ColumnRule rule : new ColumnRule[] {responseId, department, submittedAt}) {
      if (rule != null && rule.column() != null) {
        needed.add(rule.column());
      }
    }
    ExportFile.requireColumns(respondents, needed, "the survey mapping");
    long read = respondents.count();
    return new Candidates(
        answers(respondents, contract), respondents, read, "answer", read * questions.size());
  }

  /** One candidate answer per respondent record and mapped question. */
  Dataset<Row> answers(Dataset<Row> respondents, TableContract contract) {
    ZoneId zone = zone(contract, "survey mapping");
    ColumnRule.Applied dept =
        department.apply(contract.requireColumn("department"), zone, missingValues);
    ColumnRule.Applied submitted =
        submittedAt.apply(contract.requireColumn("submitted_at"), zone, missingValues);
    Column id =
        responseId != null
            ? responseId.apply(contract.requireColumn("response_id"), zone, missingValues).text()
            : concat(lit(survey + "-"), col(RECORD).cast(DataTypes.StringType));
    List<Column> respondentProblems = new ArrayList<>(dept.problems());
    respondentProblems.addAll(submitted.problems());
    if (responseId != null) {
      respondentProblems.addAll(
          responseId.apply(contract.requireColumn("response_id"), zone, missingValues).problems());
    }
    Column[] perQuestion =
        questions.stream()
            .map(
                q ->
                    struct(
                        lit(q.questionId()).as("question_id"),
                        lit(q.column()).as("column"),
                        lit(q.reversed()).as("reversed"),
                        present(exportColumn(q.column()), missingValues).as("text")))
            .toArray(Column[]::new);

    Dataset<Row> exploded =
        respondents.select(
            col(CORRUPT),
            col(RECORD),
            id.as("response_id"),
            dept.text().as("department"),
            submitted.text().as("submitted_at"),
            SourceFields.month(submitted.instant(), zone).as(MONTH),
            SourceFields.problems(respondentProblems).as("respondent_problems"),
            to_json(
                    struct(
                        Arrays.stream(respondents.columns())
                            .filter(c -> !c.equals(CORRUPT) && !c.equals(RECORD))
                            .map(c -> exportColumn(c).as(c))
                            .toArray(Column[]::new)))
                .as("raw"),
            explode(array(perQuestion)).as("q"));

    Column text = col("q.text");
    Column label = SourceFields.lookup(text, stringLabels());
    Column number = coalesce(label, text).try_cast(DataTypes.createDecimalType(38, 6));
    Column whole =
        when(number.equalTo(number.cast(DataTypes.LongType)), number.cast(DataTypes.IntegerType));
    Column onScale = when(whole.between(scale.min(), scale.max()), whole);
    Column flipped =
        when(col("q.reversed"), lit(scale.min() + scale.max()).minus(onScale)).otherwise(onScale);
    Column answer = flipped.minus(scale.min() - 1);
    String where = "column ";
    List<Column> answerProblems =
        List.of(
            when(
                text.isNull(),
                problem("no_answer", concat(lit(where), col("q.column"), lit(" is empty")))),
            when(
                text.isNotNull().and(whole.isNull()),
                problem(
                    "bad_value",
                    concat(
                        lit(where),
                        col("q.column"),
                        lit(": "),
                        quoted(text),
                        lit(" is neither a whole number nor a label of the scale")))),
            when(
                whole.isNotNull().and(onScale.isNull()),
                problem(
                    "out_of_range",
                    concat(
                        lit(where),
                        col("q.column"),
                        lit(": "),
                        quoted(text),
                        lit(" is outside the scale " + scale.min() + ".." + scale.max())))));

    return exploded.select(
        col("response_id"),
        col("department"),
        col("q.question_id").as("question_id"),
        answer.cast(DataTypes.StringType).as("answer"),
        col("submitted_at"),
        col(MONTH),
        when(
                col(CORRUPT).isNotNull(),
                array(problem("malformed", lit("record does not match the columns of the header"))))
            .otherwise(
                array_union(col("respondent_problems"), SourceFields.problems(answerProblems)))
            .as(PROBLEMS),
        col(RECORD),
        lit(1L).as(RECORDS),
        concat(
                coalesce(
                    col("response_id"),
                    concat(lit("record "), col(RECORD).cast(DataTypes.StringType))),
                lit("/"),
                col("q.column"))
            .as(KEY),
        coalesce(col(CORRUPT), col("raw")).as(RAW));
  }

  private Map<String, String> stringLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    scale.labels().forEach((k, v) -> labels.put(k, String.valueOf(v)));
    return labels;
  }
}
