package io.commpulse.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.cli.CommPulse;
import io.commpulse.errors.UserError;
import io.commpulse.lake.Lake;
import io.commpulse.metrics.ContractRows;
import io.commpulse.report.i18n.Language;
import io.commpulse.report.model.AbResults;
import io.commpulse.report.model.FollowThrough;
import io.commpulse.report.model.GoldFixture;
import io.commpulse.report.model.MonthData;
import io.commpulse.report.model.MonthReader;
import io.commpulse.report.model.ReportTables;
import io.commpulse.report.model.TableVersions;
import io.commpulse.report.render.Checksums;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import io.commpulse.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The report against a real Delta lake holding the fixture's two months. The tests run in order:
 * the last ones add the A/B table and rerun a month, which changes the lake.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportJobTest {
  private static Path work;
  private static Lake lake;
  private static SchemaCatalog catalog;

  @BeforeAll
  static void lake() throws IOException {
    work = TestSpark.tempDir("commpulse-report");
    catalog = SchemaCatalog.get();
    lake = new Lake(TestSpark.session(), work.resolve("lake").toString());
    GoldFixture.writeTo(lake, catalog);
  }

  @AfterAll
  static void clean() throws IOException {
    try (Stream<Path> files = Files.walk(work)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static ReportJob.Result render(Path out, Language language, Path asOf) {
    return new ReportJob(TestSpark.snapshots(lake), catalog)
        .run(
            new ReportJob.Request(
                GoldFixture.MONTH,
                out,
                Optional.of(language),
                Optional.empty(),
                Optional.ofNullable(asOf)));
  }

  private static String pdfText(Path out) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(out.resolve("report.pdf")))) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s*\\R\\s*", " ");
    }
  }

  @Test
  @Order(1)
  void theReaderBuildsTheMonthAsItWasWritten() {
    MonthReader reader = new MonthReader(TestSpark.snapshots(lake), catalog);
    TableVersions versions = reader.currentVersions();
    assertNull(
        versions.versions().get(ReportTables.AB_RESULTS), "the A/B table does not exist yet");
    for (String table : ReportTables.FOLLOW_THROUGH) {
      assertTrue(versions.versions().containsKey(table), table);
      assertNull(versions.versions().get(table), table + " does not exist yet");
    }
    assertNull(
        versions.versions().get(ReportTables.RESTATEMENTS),
        "no month has been restated: the table does not exist yet");
    for (String table : ReportTables.ALL) {
      if (!table.equals(ReportTables.AB_RESULTS)
          && !table.equals(ReportTables.RESTATEMENTS)
          && !ReportTables.FOLLOW_THROUGH.contains(table)) {
        assertNotNull(versions.versions().get(table), table);
      }
    }
    MonthData read = reader.read(GoldFixture.MONTH, versions);
    assertTrue(read.restated().isEmpty(), "nothing restated");
    MonthData expected = GoldFixture.monthData(GoldFixture.MONTH, new AbResults.Absent());
    assertEquals(expected.scorecard(), read.scorecard());
    assertEquals(expected.history(), read.history());
    assertEquals(Set.copyOf(expected.coverage()), Set.copyOf(read.coverage()));
    assertEquals(Set.copyOf(expected.satisfaction()), Set.copyOf(read.satisfaction()));
    assertEquals(Set.copyOf(expected.responseSla()), Set.copyOf(read.responseSla()));
    assertEquals(Set.copyOf(expected.social()), Set.copyOf(read.social()));
    assertEquals(Set.copyOf(expected.mistransmission()), Set.copyOf(read.mistransmission()));
    assertEquals(Set.copyOf(expected.hotspots()), Set.copyOf(read.hotspots()));
    // The rerun of October's tickets ingest supersedes the first run.
    assertEquals(expected.dataQuality(), read.dataQuality());
    assertEquals(expected.departments(), read.departments());
    assertInstanceOf(AbResults.Absent.class, read.ab());
    assertEquals(FollowThrough.absent(), read.followThrough());
  }

  @Test
  @Order(2)
  void bothLanguagesRenderWithAManifestThatMatchesTheFiles() throws IOException {
    for (Language language : Language.values()) {
      Path out = work.resolve("report-" + language.code());
      ReportJob.Result result = render(out, language, null);
      Manifest manifest = Manifest.read(out.resolve(Manifest.FILE));
      assertEquals("2026-10", manifest.month());
      assertEquals(language.code(), manifest.language());
      assertEquals(language.code(), manifest.options().get("lang"));
      assertEquals(result.manifest().outputs(), manifest.outputs());
      assertEquals(
          new MonthReader(TestSpark.snapshots(lake), catalog).currentVersions(), manifest.tables());

      Set<String> written = new HashSet<>();
      try (Stream<Path> files = Files.walk(out)) {
        files.filter(Files::isRegularFile).forEach(f -> written.add(out.relativize(f).toString()));
      }
      written.remove(Manifest.FILE);
      assertEquals(written, manifest.outputs().keySet());
      for (Map.Entry<String, String> output : manifest.outputs().entrySet()) {
        assertEquals(
            output.getValue(),
            Checksums.sha256(Files.readAllBytes(out.resolve(output.getKey()))),
            output.getKey());
      }
      assertEquals(7, manifest.outputs().keySet().stream().filter(f -> f.endsWith(".png")).count());
      assertTrue(pdfText(out).contains("93.1%"));
    }
    assertTrue(
        pdfText(work.resolve("report-en"))
            .contains("No A/B results: the table gold.ab_results does not exist"));
    assertTrue(pdfText(work.resolve("report-zh")).contains("信息覆盖率为 93.1%"));
    // A lake from before the follow-through tables: the page says so instead of failing.
    assertTrue(
        pdfText(work.resolve("report-en"))
            .contains(
                "Not available for this month (gold.automation_candidates holds no figures for it)."));
    assertTrue(pdfText(work.resolve("report-zh")).contains("本月暂无数据（gold.feedback_loop 中没有本月的数据）。"));
  }

  @Test
  @Order(3)
  void theCommandLineRendersAndRefusesBadInput() {
    Path out = work.resolve("report-cli");
    String lakeDir = work.resolve("lake").toString();
    assertEquals(
        0,
        CommPulse.execute(
            "report",
            "--month",
            "2026-10",
            "--lake",
            lakeDir,
            "--out",
            out.toString(),
            "--lang",
            "en"));
    assertTrue(Files.isRegularFile(out.resolve("report.pdf")));
    assertEquals(
        1,
        CommPulse.execute(
            "report",
            "--month",
            "2026-10",
            "--lake",
            lakeDir,
            "--out",
            out.toString(),
            "--lang",
            "fr"));
    assertEquals(2, CommPulse.execute("report", "--month", "October", "--lake", lakeDir));
  }

  @Test
  @Order(4)
  void aMonthWithoutAScorecardIsAClearError() {
    UserError error =
        assertThrows(
            UserError.class,
            () ->
                new ReportJob(TestSpark.snapshots(lake), catalog)
                    .run(
                        new ReportJob.Request(
                            YearMonth.of(2026, 12),
                            work.resolve("none"),
                            Optional.of(Language.EN),
                            Optional.empty(),
                            Optional.empty())));
    assertTrue(
        error.getMessage().startsWith("gold.kpi_scorecard has no rows for 2026-12"),
        error.getMessage());
  }

  @Test
  @Order(5)
  void theAbSectionRendersOnceTheTableExists() throws IOException {
    TableContract ab = catalog.table(ReportTables.AB_RESULTS);
    lake.replaceMonth(
        ab, ContractRows.toDataFrame(lake.spark(), ab, GoldFixture.abResults()), "2026-10");
    Path out = work.resolve("report-ab");
    Manifest manifest = render(out, Language.EN, null).manifest();
    assertNotNull(manifest.tables().versions().get(ReportTables.AB_RESULTS));
    assertTrue(Files.isRegularFile(out.resolve("charts/08-ab-forest.png")));
    assertTrue(
        pdfText(out)
            .contains(
                "Channel experiment EXP-ACK-WECOM: WeCom beat control on hours to acknowledge"));
  }

  @Test
  @Order(6)
  void aReRenderFromTheManifestReproducesTheFiguresAfterARerunChangedTheTables()
      throws IOException {
    Path before = work.resolve("report-before");
    Manifest first = render(before, Language.EN, null).manifest();

    // A rerun of October writes new figures: coverage fell to 80%.
    TableContract scorecard = catalog.table(ReportTables.SCORECARD);
    List<Map<String, Object>> rerun =
        GoldFixture.tables().get(ReportTables.SCORECARD).stream()
            .filter(r -> "2026-10".equals(r.get("month")))
            .map(
                r ->
                    "information_coverage".equals(r.get("kpi"))
                        ? withActual(r, 0.8, 0.79, 0.81)
                        : r)
            .toList();
    lake.replaceMonth(
        scorecard, ContractRows.toDataFrame(lake.spark(), scorecard, rerun), "2026-10");
    Path after = work.resolve("report-after");
    render(after, Language.EN, null);
    assertTrue(pdfText(after).contains("Information coverage 80.0%"));

    Path again = work.resolve("report-again");
    Manifest reproduced = render(again, Language.EN, before.resolve(Manifest.FILE)).manifest();
    String text = pdfText(again);
    assertTrue(
        text.contains("Information coverage 93.1% (95% CI 92.4–93.8%) missed the 95% target"),
        text);
    assertFalse(text.contains("80.0%"));
    assertEquals(first.tables(), reproduced.tables());
    assertEquals(
        before.resolve(Manifest.FILE).toAbsolutePath().toString(),
        reproduced.options().get("as_of_manifest"));
    // Same table versions, same code: every file is byte for byte the same as the first render's.
    assertEquals(first.outputs(), reproduced.outputs());
    for (String file : first.outputs().keySet()) {
      assertArrayEquals(
          Files.readAllBytes(before.resolve(file)), Files.readAllBytes(again.resolve(file)), file);
    }
  }

  @Test
  @Order(7)
  void aManifestOfAnotherMonthIsRefused() {
    Path manifest = work.resolve("report-before").resolve(Manifest.FILE);
    UserError error =
        assertThrows(
            UserError.class,
            () ->
                new ReportJob(TestSpark.snapshots(lake), catalog)
                    .run(
                        new ReportJob.Request(
                            YearMonth.of(2026, 9),
                            work.resolve("wrong"),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(manifest))));
    assertTrue(
        error.getMessage().endsWith("is for month 2026-10, not 2026-09"), error.getMessage());
  }

  @Test
  @Order(8)
  void theFollowThroughPageRendersOnceItsTablesExistAndIsPinnedByTheManifest() throws IOException {
    GoldFixture.writeFollowThroughTo(lake, catalog);
    MonthReader reader = new MonthReader(TestSpark.snapshots(lake), catalog);
    TableVersions versions = reader.currentVersions();
    for (String table : ReportTables.FOLLOW_THROUGH) {
      assertNotNull(versions.versions().get(table), table);
    }
    FollowThrough read = reader.read(GoldFixture.MONTH, versions).followThrough();
    FollowThrough expected = GoldFixture.followThrough();
    assertEquals(
        Set.copyOf(expected.departments().orElseThrow()),
        Set.copyOf(read.departments().orElseThrow()));
    assertEquals(
        Set.copyOf(expected.automation().orElseThrow()),
        Set.copyOf(read.automation().orElseThrow()));
    assertEquals(
        Set.copyOf(expected.followups().orElseThrow()), Set.copyOf(read.followups().orElseThrow()));
    assertEquals(
        Set.copyOf(expected.feedback().orElseThrow()), Set.copyOf(read.feedback().orElseThrow()));

    Path en = work.resolve("report-follow-en");
    Manifest manifest = render(en, Language.EN, null).manifest();
    assertEquals(versions, manifest.tables());
    String text = pdfText(en);
    // Hand-worked from the fixture: 190 of 265 follow-ups done, 143 on time, 18 of 47 problems
    // closed.
    assertTrue(text.contains("All segments 265 71.7% 54.0% 47 38.3%"), text);
    assertTrue(
        text.contains(
            "Product suggestion · Online chat 300 10.0% 35.0% 468.0 h ↓ worse than agents"),
        text);
    assertFalse(text.contains("Not available for this month"), text);
    assertTrue(Files.isRegularFile(en.resolve("charts/09-hours-saved.png")));
    Path zh = work.resolve("report-follow-zh");
    render(zh, Language.ZH, null);
    assertTrue(pdfText(zh).contains("收到建议 64 条；采纳 37.5%；公开回复用时中位数 6.5 天；9 条获奖励。"));

    // The manifest of a render from before the tables existed keeps them absent.
    Path old = work.resolve("report-follow-old");
    render(old, Language.EN, work.resolve("report-before").resolve(Manifest.FILE));
    assertTrue(
        pdfText(old)
            .contains(
                "Not available for this month (gold.followup_coverage holds no figures for it)."));

    // A rerun changes the follow-ups; a re-render from the manifest shows the figures it recorded.
    TableContract followups = catalog.table(ReportTables.FOLLOWUP_COVERAGE);
    List<Map<String, Object>> rerun =
        GoldFixture.followThroughTables().get(ReportTables.FOLLOWUP_COVERAGE).stream()
            .filter(r -> "ALL".equals(r.get("segment")))
            .map(
                r -> {
                  Map<String, Object> changed = new TreeMap<>(r);
                  changed.put("planned", 7777L);
                  return changed;
                })
            .toList();
    lake.replaceMonth(
        followups, ContractRows.toDataFrame(lake.spark(), followups, rerun), "2026-10");
    Path again = work.resolve("report-follow-again");
    render(again, Language.EN, en.resolve(Manifest.FILE));
    String reproduced = pdfText(again);
    assertTrue(reproduced.contains("All segments 265 71.7% 54.0% 47 38.3%"), reproduced);
    assertFalse(reproduced.contains("7,777"), reproduced);
  }

  private static Map<String, Object> withActual(
      Map<String, Object> row, double actual, double low, double high) {
    Map<String, Object> changed = new TreeMap<>(row);
    changed.put("actual", actual);
    changed.put("ci_low", low);
    changed.put("ci_high", high);
    return changed;
  }
}
