package io.commpulse.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.metrics.Rollup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A generated dirty month run end to end (the shared baseline): no identifier of the landing data
 * reaches silver or gold, suppressed survey figures cannot be recovered from the published month,
 * nor any report output (PDF text, HTML, manifest, SVG charts), suppressed survey figures cannot be
 * recovered from the published month, and the pseudonymisation key appears in no log, Delta commit
 * or Spark event log.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyTest {
  /**
   * Employee ids, customer ids, social handles and e-mail addresses as the landing systems write
   * them.
   */
  private static final Pattern IDENTIFIER =
      Pattern.compile(
          "E\\d{6}|C\\d{7}|@user\\d+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  private static final Pattern DATA_URI = Pattern.compile("data:[^\"')\\s]+");
  private Baseline.Data baseline;
  private final Set<String> landingIdentifiers = new TreeSet<>();

  @BeforeAll
  void collectTheLandingIdentifiers() throws IOException {
    baseline = Baseline.get();
    try (Stream<Path> files = Files.walk(baseline.landing())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Matcher m =
            IDENTIFIER.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        while (m.find()) {
          landingIdentifiers.add(m.group());
        }
      }
    }
    assertTrue(
        landingIdentifiers.stream().anyMatch(s -> s.matches("E\\d{6}")),
        "landing has employee ids");
    assertTrue(
        landingIdentifiers.stream().anyMatch(s -> s.matches("C\\d{7}")),
        "landing has customer ids");
    assertTrue(
        landingIdentifiers.stream().anyMatch(s -> s.startsWith("@user")), "landing has handles");
    assertTrue(
        landingIdentifiers.stream().anyMatch(s -> s.contains(".")), "landing has e-mail addresses");
  }

  @Test
  void noSilverOrGoldTableHoldsAnIdentifierFromTheLandingData() {
    List<String> hits = new ArrayList<>();
    int scanned = 0;
    for (String table : LakeSnapshot.tableNames(baseline.lake())) {
      if (!table.startsWith("silver.") && !table.startsWith("gold.")) {
        continue;
      }
      scanned++;
      for (Row row : LakeSnapshot.read(baseline.lake(), table)) {
        hits.addAll(identifiersIn(textOf(row), table));
      }
    }
    assertEquals(10 + 12, scanned, "every silver and gold table was scanned");
    assertEquals(List.of(), hits.stream().limit(20).toList(), hits.size() + " identifiers leaked");
  }

  @Test
  void noReportOutputHoldsAnIdentifierFromTheLandingData() throws IOException {
    List<String> hits = new ArrayList<>();
    List<Path> scanned = new ArrayList<>();
    for (String language : List.of("en", "zh")) {
      Path out = baseline.root().resolve("report-" + language);
      Baseline.launcher()
          .run(
              baseline.root().resolve("logs"),
              "report-" + language,
              "report",
              "--month",
              Baseline.MONTH,
              "--lake",
              baseline.lake().toString(),
              "--out",
              out.toString(),
              "--lang",
              language)
          .assertSucceeded();
      try (Stream<Path> files = Files.walk(out)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String name = file.getFileName().toString();
          String text;
          if (name.endsWith(".pdf")) {
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
              text = new PDFTextStripper().getText(pdf);
            }
          } else if (name.endsWith(".html") || name.endsWith(".json") || name.endsWith(".svg")) {
            // Inline images are base64, where "E" or "C" followed by digits occurs by chance; their
            // pixels
            // cannot be scanned as text anyway (the charts' text is in the SVGs).
            text =
                DATA_URI
                    .matcher(Files.readString(file, StandardCharsets.UTF_8))
                    .replaceAll("data:");
          } else {
            continue;
          }
          scanned.add(file);
          hits.addAll(identifiersIn(text, file.toString()));
        }
      }
    }
    assertTrue(
        scanned.stream().anyMatch(p -> p.toString().endsWith("report.pdf")),
        "the PDFs were scanned");
    assertTrue(
        scanned.stream().anyMatch(p -> p.toString().endsWith("report.html")),
        "the HTML was scanned");
    assertTrue(
        scanned.stream().anyMatch(p -> p.toString().endsWith("manifest.json")),
        "the manifests were scanned");
    assertEquals(List.of(), hits.stream().limit(20).toList(), hits.size() + " identifiers leaked");
  }

  /** A row's text columns (strings and arrays of strings), joined. */
  private static String textOf(Row row) {
    StringJoiner text = new StringJoiner(" | ");
    for (int i = 0; i < row.size(); i++) {
      DataType type = row.schema().fields()[i].dataType();
      if (row.isNullAt(i)) {
        continue;
      } else if (type.equals(DataTypes.StringType)) {
        text.add(row.getString(i));
      } else if (type instanceof ArrayType array
          && array.elementType().equals(DataTypes.StringType)) {
        text.add(String.join(" ", row.<String>getList(i)));
      }
    }
    return text.toString();
  }

  /**
   * Landing identifiers in {@code text}, and anything shaped like a raw employee, customer or
   * handle id.
   */
  private List<String> identifiersIn(String text, String where) {
    List<String> found = new ArrayList<>();
    Matcher m = IDENTIFIER.matcher(text);
    while (m.find()) {
      if (landingIdentifiers.contains(m.group())
          || m.group().matches("E\\d{6}|C\\d{7}|@user\\d+")) {
        found.add(where + ": " + m.group());
      }
    }
    return found;
  }

  @Test
  void suppressedSurveyFiguresCannotBeRecoveredFromThePublishedMonth() {
    List<Row> published =
        LakeSnapshot.readMonth(baseline.lake(), "gold.satisfaction", Baseline.MONTH);
    var cells = SuppressionAttack.published(published);
    assertTrue(
        published.stream().anyMatch(r -> r.getBoolean(r.fieldIndex("suppressed"))),
        "the generated month has small departments, so the attack has something to attack");
    List<Row> answers =
        LakeSnapshot.readMonth(baseline.lake(), "silver.survey_answers", Baseline.MONTH);
    var leaks =
        SuppressionAttack.leaks(
            SuppressionAttack.attack(cells, Rollup.ALL), SuppressionAttack.truth(answers));
    assertEquals(List.of(), leaks);
  }

  @Test
  void theKeyAppearsInNoLogCommitOrEventLog() throws IOException {
    assertFalse(baseline.run().stdout().contains(Baseline.KEY), "stdout of the run");
    assertFalse(baseline.run().stderr().contains(Baseline.KEY), "stderr of the run");
    List<Path> scanned = new ArrayList<>();
    for (Path root :
        List.of(baseline.lake(), baseline.eventLogs(), baseline.root().resolve("logs"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          scanned.add(file);
          byte[] bytes = Files.readAllBytes(file);
          assertFalse(
              new String(bytes, StandardCharsets.ISO_8859_1).contains(Baseline.KEY),
              "key found in " + file);
        }
      }
    }
    assertTrue(
        scanned.stream().anyMatch(p -> p.toString().contains("_delta_log")),
        "Delta commits were scanned");
    assertTrue(
        scanned.stream().anyMatch(p -> p.startsWith(baseline.eventLogs())),
        "an event log was written and scanned");
  }
}
