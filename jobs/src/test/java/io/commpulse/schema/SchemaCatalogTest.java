package io.commpulse.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.testing.LandingFiles;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCatalogTest {
  /** The landing sources, in their own words. */
  private static final Set<String> SOURCES =
      Set.of(
          "roster",
          "decisions",
          "acknowledgements",
          "survey_responses",
          "tickets",
          "social_comments",
          "comm_log",
          "channel_experiments",
          "followups",
          "suggestions");

  /** Ingestion metadata the issue asks every bronze table to carry, after the landing columns. */
  private static final List<String> INGESTION_COLUMNS =
      List.of("month", "source_file", "batch_id", "ingested_at");

  private static final Path SCHEMAS = TestSpark.repoRoot().resolve("schemas");

  @Test
  void everyContractFileInTheRepositoryLoads() throws IOException {
    SchemaCatalog catalog = SchemaCatalog.fromDirectory(SCHEMAS);
    Set<String> expected = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SCHEMAS)) {
      // Files beside the layer folders (kpis.json) are not tables.
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".json") && !p.getParent().equals(SCHEMAS))
              .toList()) {
        String name = file.getFileName().toString().replace(".json", "");
        if (!name.startsWith("_")) {
          expected.add(file.getParent().getFileName() + "." + name);
        }
      }
    }
    Set<String> loaded = new TreeSet<>();
    catalog.tables().forEach(t -> loaded.add(t.qualifiedName()));
    assertEquals(expected, loaded);
    for (TableContract table : catalog.tables()) {
      assertFalse(table.columns().isEmpty(), table.qualifiedName());
      assertFalse(table.description().isBlank(), table.qualifiedName());
      for (ColumnSpec column : table.columns()) {
        assertFalse(column.description().isBlank(), table.qualifiedName() + "." + column.name());
        StructField field = column.sparkField();
        assertEquals(column.description(), field.metadata().getString("comment"));
      }
    }
  }

  @Test
  void bundledContractsAreTheRepositoryContracts() {
    SchemaCatalog bundled = SchemaCatalog.fromClasspath();
    SchemaCatalog repo = SchemaCatalog.fromDirectory(SCHEMAS);
    assertEquals(
        repo.tables().stream().map(TableContract::qualifiedName).toList(),
        bundled.tables().stream().map(TableContract::qualifiedName).toList());
    for (TableContract table : repo.tables()) {
      assertEquals(table, bundled.table(table.qualifiedName()));
    }
  }

  @Test
  void theEightLandingSourcesHaveAFormatAndATimeZone() {
    SchemaCatalog catalog = SchemaCatalog.fromDirectory(SCHEMAS);
    assertEquals(SOURCES, Set.copyOf(catalog.sourceNames()));
    for (String source : SOURCES) {
      TableContract landing = catalog.table("landing." + source);
      assertTrue(List.of("csv", "jsonl").contains(landing.format()), source);
      assertTrue(landing.sourceTimezone() != null, source);
    }
    assertEquals("jsonl", catalog.table("landing.social_comments").format());
  }

  @Test
  void bronzeTablesAreLandingColumnsPlusIngestionMetadata() {
    SchemaCatalog catalog = SchemaCatalog.fromDirectory(SCHEMAS);
    for (String source : SOURCES) {
      TableContract landing = catalog.table("landing." + source);
      TableContract bronze = catalog.table("bronze." + source);
      List<String> expected = new ArrayList<>(landing.columnNames());
      expected.addAll(INGESTION_COLUMNS);
      assertEquals(expected, bronze.columnNames(), source);
      assertEquals(List.of("month"), bronze.partitionedBy(), source);
      assertTrue(
          bronze.keys().containsAll(landing.keys()) && bronze.keys().contains("month"), source);
      for (ColumnSpec column : landing.columns()) {
        assertEquals(column, bronze.requireColumn(column.name()), source + "." + column.name());
      }
      assertEquals(DataTypes.TimestampType, bronze.requireColumn("ingested_at").sparkType());
      assertFalse(bronze.requireColumn("batch_id").nullable());
    }
    TableContract quarantine = catalog.table("bronze.quarantine");
    assertTrue(
        quarantine
            .columnNames()
            .containsAll(
                List.of(
                    "source",
                    "month",
                    "source_file",
                    "raw",
                    "reason_code",
                    "reason",
                    "batch_id",
                    "ingested_at")));
    TableContract audit = catalog.table("ops.ingest_audit");
    assertTrue(
        audit
            .columnNames()
            .containsAll(
                List.of(
                    "source",
                    "month",
                    "rows_read",
                    "rows_accepted",
                    "rows_quarantined",
                    "duplicates",
                    "duration_ms")));
  }

  /**
   * Every gold write is checked against its key (non-null, unique), so every gold table needs one:
   * columns of the table, none nullable, the month among them (a month is what a write replaces).
   */
  @Test
  void everyGoldContractHasANonNullableKeyThatIncludesTheMonth() {
    SchemaCatalog catalog = SchemaCatalog.fromDirectory(SCHEMAS);
    assertFalse(catalog.layer("gold").isEmpty());
    for (TableContract table : catalog.layer("gold")) {
      String name = table.qualifiedName();
      assertFalse(table.keys().isEmpty(), name + " declares no key");
      assertEquals(
          Set.copyOf(table.keys()).size(), table.keys().size(), name + " names a key column twice");
      assertTrue(
          table.keys().contains("month"), name + " key " + table.keys() + " lacks the month");
      for (String key : table.keys()) {
        ColumnSpec column = table.column(key).orElse(null);
        assertTrue(column != null, name + " key column " + key + " is not a column");
        assertFalse(column.nullable(), name + " key column " + key + " is nullable");
      }
    }
  }

  /**
   * Silver is de-duplicated by its contract's key; only the experiment assignments are kept as
   * recorded.
   */
  @Test
  void everySilverContractButTheExperimentUnitsHasANonNullableKey() {
    SchemaCatalog catalog = SchemaCatalog.fromDirectory(SCHEMAS);
    for (TableContract table : catalog.layer("silver")) {
      String name = table.qualifiedName();
      if (name.equals("silver.experiment_units")) {
        assertEquals(
            List.of(), table.keys(), name + " is not de-duplicated, so no key holds on it");
        continue;
      }
      assertTrue(
          table.keys().contains("month"), name + " key " + table.keys() + " lacks the month");
      for (String key : table.keys()) {
        assertFalse(
            table.requireColumn(key).nullable(), name + " key column " + key + " is nullable");
      }
    }
  }

  @Test
  void typesMapToSparkTypes() {
    SchemaCatalog catalog = SchemaCatalog.fromDirectory(SCHEMAS);
    TableContract survey = catalog.table("landing.survey_responses");
    assertEquals(DataTypes.IntegerType, survey.requireColumn("answer").sparkType());
    assertEquals(DataTypes.TimestampType, survey.requireColumn("submitted_at").sparkType());
    assertEquals(1.0, survey.requireColumn("answer").min());
    assertEquals(5.0, survey.requireColumn("answer").max());
    TableContract roster = catalog.table("landing.roster");
    assertEquals(DataTypes.DateType, roster.requireColumn("hire_date").sparkType());
    assertEquals(
        DataTypes.BooleanType,
        catalog.table("landing.comm_log").requireColumn("misinformation_flag").sparkType());
    assertEquals(
        DataTypes.DoubleType,
        catalog.table("landing.channel_experiments").requireColumn("split_weight").sparkType());
    assertEquals(
        DataTypes.LongType,
        catalog.table("ops.ingest_audit").requireColumn("rows_read").sparkType());
  }

  @Test
  void unknownTableIsASchemaException() {
    SchemaCatalog catalog = SchemaCatalog.fromDirectory(SCHEMAS);
    SchemaException e = assertThrows(SchemaException.class, () -> catalog.table("bronze.nope"));
    assertTrue(e.getMessage().contains("bronze.nope"), e.getMessage());
  }

  // ---- broken schema folders ---------------------------------------------------------------

  private static final String GOOD_COLUMN =
      "{\"name\": \"a\", \"type\": \"string\", \"nullable\": false, \"description\": \"A.\"}";

  private static String table(String extraFields, String... columns) {
    return "{\"description\": \"T.\", \"grain\": \"one row per a\", \"format\": \"csv\""
        + extraFields
        + ", \"columns\": ["
        + String.join(", ", columns)
        + "]}";
  }

  private static SchemaException loadBroken(Path root, String relative, String content) {
    LandingFiles.write(root.resolve("landing/fine.json"), table("", GOOD_COLUMN));
    LandingFiles.write(root.resolve(relative), content);
    SchemaException e =
        assertThrows(SchemaException.class, () -> SchemaCatalog.fromDirectory(root));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  private static void assertMentions(SchemaException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void fileThatDoesNotParseIsNamed(@TempDir Path root) {
    SchemaException e =
        loadBroken(root, "landing/broken.json", "{\"description\": \"T.\", \"columns\": [");
    assertMentions(e, "landing/broken.json", "does not parse");
  }

  @Test
  void unknownTypeIsNamedWithItsColumn(@TempDir Path root) {
    SchemaException e =
        loadBroken(
            root,
            "landing/typo.json",
            table(
                "",
                GOOD_COLUMN,
                "{\"name\": \"b\", \"type\": \"integer\", \"description\": \"B.\"}"));
    assertMentions(e, "landing/typo.json", "column b", "unknown column type 'integer'");
  }

  @Test
  void duplicateColumnIsNamed(@TempDir Path root) {
    SchemaException e = loadBroken(root, "landing/twice.json", table("", GOOD_COLUMN, GOOD_COLUMN));
    assertMentions(e, "landing/twice.json", "column 'a' is declared twice");
  }

  @Test
  void duplicateColumnThroughAnIncludedFragmentIsNamed(@TempDir Path root) {
    LandingFiles.write(root.resolve("bronze/_meta.json"), table("", GOOD_COLUMN));
    SchemaException e =
        loadBroken(
            root,
            "bronze/both.json",
            "{\"description\": \"T.\", \"grain\": \"g\", \"columns_from\": [\"bronze._meta\"], \"columns\": ["
                + GOOD_COLUMN
                + "]}");
    assertMentions(e, "bronze/both.json", "column 'a' is declared twice");
  }

  @Test
  void keyThatIsNotAColumnIsNamed(@TempDir Path root) {
    SchemaException e =
        loadBroken(root, "landing/keys.json", table(", \"keys\": [\"a\", \"zz\"]", GOOD_COLUMN));
    assertMentions(e, "landing/keys.json", "'zz'", "is not a column");
  }

  @Test
  void partitionColumnThatIsNotAColumnIsNamed(@TempDir Path root) {
    SchemaException e =
        loadBroken(
            root, "landing/part.json", table(", \"partitioned_by\": [\"month\"]", GOOD_COLUMN));
    assertMentions(e, "landing/part.json", "'month'", "is not a column");
  }

  @Test
  void unknownTableFieldIsNamed(@TempDir Path root) {
    SchemaException e =
        loadBroken(root, "landing/field.json", table(", \"primary_key\": [\"a\"]", GOOD_COLUMN));
    assertMentions(e, "landing/field.json", "unknown field 'primary_key'");
  }

  @Test
  void unknownColumnFieldIsNamed(@TempDir Path root) {
    SchemaException e =
        loadBroken(
            root,
            "landing/colfield.json",
            table(
                "",
                "{\"name\": \"a\", \"type\": \"string\", \"nulable\": false, \"description\": \"A.\"}"));
    assertMentions(e, "landing/colfield.json", "nulable");
  }

  @Test
  void checkWithoutSqlIsNamed(@TempDir Path root) {
    SchemaException e =
        loadBroken(
            root,
            "landing/check.json",
            table(", \"checks\": [{\"name\": \"c\", \"message\": \"m\"}]", GOOD_COLUMN));
    assertMentions(e, "landing/check.json", "bad check", "sql");
  }

  @Test
  void columnWithoutDescriptionIsRejected(@TempDir Path root) {
    SchemaException e =
        loadBroken(
            root, "landing/nodesc.json", table("", "{\"name\": \"a\", \"type\": \"string\"}"));
    assertMentions(e, "landing/nodesc.json", "description");
  }

  @Test
  void unknownIncludeIsNamed(@TempDir Path root) {
    SchemaException e =
        loadBroken(
            root,
            "bronze/inc.json",
            "{\"description\": \"T.\", \"grain\": \"g\", \"columns_from\": [\"bronze._nowhere\"]}");
    assertMentions(e, "bronze/inc.json", "bronze._nowhere");
  }

  @Test
  void landingSourceWithoutFormatIsRejected(@TempDir Path root) {
    SchemaException e =
        loadBroken(
            root,
            "landing/noformat.json",
            "{\"description\": \"T.\", \"grain\": \"g\", \"columns\": [" + GOOD_COLUMN + "]}");
    assertMentions(e, "landing/noformat.json", "format");
  }

  @Test
  void minAboveMaxAndBadPatternAreRejected(@TempDir Path root) {
    SchemaException range =
        loadBroken(
            root,
            "landing/range.json",
            table(
                "",
                "{\"name\": \"n\", \"type\": \"int\", \"min\": 5, \"max\": 1, \"description\": \"N.\"}"));
    assertMentions(range, "landing/range.json", "column n", "min > max");
  }

  @Test
  void badPatternIsRejected(@TempDir Path root) {
    SchemaException pattern =
        loadBroken(
            root,
            "landing/pattern.json",
            table(
                "",
                "{\"name\": \"p\", \"type\": \"string\", \"pattern\": \"^[A-Z\", \"description\": \"P.\"}"));
    assertMentions(pattern, "landing/pattern.json", "column p", "bad pattern");
  }

  @Test
  void missingFolderIsNamed(@TempDir Path root) {
    Path missing = root.resolve("no-such-folder");
    SchemaException e =
        assertThrows(SchemaException.class, () -> SchemaCatalog.fromDirectory(missing));
    assertMentions(e, "schema folder not found", missing.toString());
  }
}
