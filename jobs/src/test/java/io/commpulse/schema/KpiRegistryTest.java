package io.commpulse.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.catalog.DataDictionary;
import io.commpulse.testing.LandingFiles;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiRegistryTest {
  private static final Path SCHEMAS = TestSpark.repoRoot().resolve("schemas");
  private static final SchemaCatalog CATALOG = SchemaCatalog.fromDirectory(SCHEMAS);

  @Test
  void theStrategysTargetsAsTheStrategyStatesThem() {
    KpiRegistry kpis = CATALOG.kpis();
    // The strategy: mis-transmission < 5%, complaint first response <= 24 h, social replies 100%
    // within 24 h,
    // coverage >= 95%, satisfaction trending up.
    assertKpi(kpis, "mistransmission_rate", KpiComparator.BELOW, 0.05, "share");
    assertKpi(kpis, "complaint_first_response_hours", KpiComparator.AT_MOST, 24.0, "hours");
    assertKpi(kpis, "social_replied_24h_share", KpiComparator.AT_LEAST, 1.0, "share");
    assertKpi(kpis, "information_coverage", KpiComparator.AT_LEAST, 0.95, "share");
    assertKpi(kpis, "satisfaction_mean", KpiComparator.TREND_UP, null, "likert");
    assertEquals(
        List.of(
            "information_coverage",
            "mistransmission_rate",
            "complaint_first_response_hours",
            "complaint_replied_24h_share",
            "social_replied_24h_share",
            "satisfaction_mean",
            "satisfaction_top2_share",
            "channel_experiments_decided"),
        kpis.scorecardOrder().stream().map(KpiRegistry.Kpi::code).toList());
  }

  @Test
  void everyKpiFitsTheScorecardContractAndNamesARealGoldTable() {
    TableContract scorecard = CATALOG.table("gold.kpi_scorecard");
    List<String> units = allowed(scorecard, "unit");
    List<String> comparators = allowed(scorecard, "comparator");
    Set<Integer> positions = new HashSet<>();
    for (KpiRegistry.Kpi k : CATALOG.kpis().all()) {
      assertTrue(units.contains(k.unit()), k.code() + ": unit " + k.unit() + " not in " + units);
      assertTrue(
          comparators.contains(k.comparator().symbol()),
          k.code() + ": comparator not in " + comparators);
      assertTrue(CATALOG.find(k.source()).isPresent(), k.code() + ": no table " + k.source());
      if (k.reportPosition() != null) {
        assertTrue(positions.add(k.reportPosition()), k.code() + ": report_position used twice");
      }
    }
  }

  @Test
  void aTargetIsOneEditAndTheDictionaryFollows(@TempDir Path dir) throws IOException {
    Path copy = copySchemas(dir);
    Path kpis = copy.resolve("kpis.json");
    String json = Files.readString(kpis);
    Files.writeString(kpis, json.replace("\"target\": 0.95,", "\"target\": 0.9,"));
    SchemaCatalog edited = SchemaCatalog.fromDirectory(copy);
    assertEquals(0.9, edited.kpis().target("information_coverage"));
    String markdown = DataDictionary.markdown(edited);
    assertTrue(
        markdown.contains("| `information_coverage` | share | >= 0.9 |"),
        "the KPI table shows the new target");
    assertTrue(
        DataDictionary.markdown(CATALOG).contains("| `information_coverage` | share | >= 0.95 |"));
  }

  @Test
  void aBrokenRegistryIsOneClearLine(@TempDir Path dir) throws IOException {
    assertBroken(dir, "needs a numeric target", kpi("\">=\"", "null", "\"≥ {target}\""));
    assertBroken(dir, "takes no target", kpi("\"trend_up\"", "0.5", "\"trend up\""));
    assertBroken(dir, "target_wording names {target}", kpi("\">=\"", "0.9", "\"at least\""));
    assertBroken(dir, "unknown KPI comparator '=>'", kpi("\"=>\"", "0.9", "\"{target}\""));
    assertBroken(
        dir,
        "unknown field 'targte'",
        kpi("\">=\"", "0.9", "\"{target}\"").replace("\"target\":", "\"targte\": 1, \"target\":"));
    assertBroken(
        dir,
        "unique code",
        "{\"kpis\": ["
            + kpi("\">=\"", "0.9", "\"{target}\"")
            + ", "
            + kpi("\">=\"", "0.9", "\"{target}\"")
            + "]}");
  }

  private static void assertKpi(
      KpiRegistry kpis, String code, KpiComparator comparator, Double target, String unit) {
    KpiRegistry.Kpi k = kpis.kpi(code);
    assertEquals(comparator, k.comparator(), code);
    if (target == null) {
      assertNull(k.target(), code);
    } else {
      assertEquals(target, k.target(), 1e-12, code);
    }
    assertEquals(unit, k.unit(), code);
  }

  private static List<String> allowed(TableContract table, String column) {
    return table.columns().stream()
        .filter(c -> c.name().equals(column))
        .findFirst()
        .orElseThrow()
        .allowed();
  }

  private static String kpi(String comparator, String target, String wording) {
    return "{\"code\": \"k\", \"report_position\": 1, \"scorecard\": \"company\", \"unit\": \"share\", \"comparator\": "
        + comparator
        + ", \"target\": "
        + target
        + ", \"source\": \"gold.coverage\", \"cell\": \"c\", \"name\": "
        + "{\"en\": \"K\", \"zh\": \"K\"}, \"definition\": {\"en\": \"D\", \"zh\": \"D\"}, \"target_wording\": "
        + "{\"en\": "
        + wording
        + ", \"zh\": "
        + wording
        + "}}";
  }

  private static void assertBroken(Path dir, String expected, String kpisOrEntry)
      throws IOException {
    Path root = Files.createTempDirectory(dir, "schemas");
    LandingFiles.write(
        root.resolve("landing/fine.json"),
        "{\"description\": \"T.\", \"grain\": \"one row per a\","
            + " \"format\": \"csv\", \"columns\": [{\"name\": \"a\", \"type\": \"string\", \"nullable\": false,"
            + " \"description\": \"A.\"}]}");
    String json =
        kpisOrEntry.startsWith("{\"kpis\"") ? kpisOrEntry : "{\"kpis\": [" + kpisOrEntry + "]}";
    LandingFiles.write(root.resolve("kpis.json"), json);
    SchemaException e =
        assertThrows(SchemaException.class, () -> SchemaCatalog.fromDirectory(root));
    assertTrue(
        e.getMessage().contains(expected), "'" + expected + "' missing from: " + e.getMessage());
    assertTrue(
        e.getMessage().startsWith("kpis.json") || e.getMessage().startsWith("unknown KPI"),
        e.getMessage());
  }

  private static Path copySchemas(Path dir) throws IOException {
    Path copy = dir.resolve("schemas");
    try (Stream<Path> files = Files.walk(SCHEMAS)) {
      for (Path p : files.toList()) {
        Path target = copy.resolve(SCHEMAS.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return copy;
  }
}
