package io.commpulse.report;

import io.commpulse.errors.UserError;
import io.commpulse.lake.SnapshotReader;
import io.commpulse.ops.RunLog;
import io.commpulse.report.i18n.Language;
import io.commpulse.report.model.MonthData;
import io.commpulse.report.model.MonthReader;
import io.commpulse.report.model.TableVersions;
import io.commpulse.report.render.Checksums;
import io.commpulse.report.render.CodeVersion;
import io.commpulse.report.render.ReportFont;
import io.commpulse.report.render.ReportRenderer;
import io.commpulse.schema.SchemaCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Renders the monthly report of a lake into a folder: report.pdf, report.html, charts/*.png and
 * *.svg, and manifest.json. With a manifest from an earlier render, reads every table at the
 * version recorded there.
 */
public final class ReportJob {
  private final SnapshotReader snapshots;
  private final SchemaCatalog catalog;

  public ReportJob(SnapshotReader snapshots, SchemaCatalog catalog) {
    this.snapshots = snapshots;
    this.catalog = catalog;
  }

  /**
   * @param language empty: the manifest's language when re-rendering, else Chinese
   * @param font empty: the manifest's font when re-rendering and still installed, else the first
   *     installed CJK font
   */
  public record Request(
      YearMonth month,
      Path out,
      Optional<Language> language,
      Optional<Path> font,
      Optional<Path> asOfManifest) {}

  /**
   * @param readSeconds time to read the tables; renderSeconds time to draw and write every file
   */
  public record Result(Path out, Manifest manifest, double readSeconds, double renderSeconds) {}

  public Result run(Request request) {
    long started = System.nanoTime();
    Optional<Manifest> pinned = request.asOfManifest().map(Manifest::read);
    pinned.ifPresent(
        p -> {
          if (!p.month().equals(request.month().toString())) {
            throw new UserError(
                "manifest "
                    + request.asOfManifest().get()
                    + " is for month "
                    + p.month()
                    + ", not "
                    + request.month());
          }
        });
    Language language =
        request
            .language()
            .or(
                () ->
                    pinned
                        .map(Manifest::language)
                        .filter(l -> l != null && !l.isBlank())
                        .map(Language::fromCode))
            .orElse(Language.ZH);
    Optional<Path> fontFile =
        request
            .font()
            .or(
                () ->
                    pinned
                        .map(p -> p.options().get("font"))
                        .filter(f -> f != null && !f.isBlank())
                        .map(Path::of)
                        .filter(Files::isRegularFile));
    ReportFont font = ReportFont.locate(fontFile, language);

    MonthReader reader = new MonthReader(snapshots, catalog);
    TableVersions versions = pinned.map(Manifest::tables).orElseGet(reader::currentVersions);
    MonthData data = reader.read(request.month(), versions);
    double readSeconds = (System.nanoTime() - started) / 1e9;

    long renderStarted = System.nanoTime();
    CodeVersion code = CodeVersion.current();
    ReportRenderer.Rendered rendered =
        ReportRenderer.render(data, language, font, code, snapshots.root());
    Map<String, String> checksums = write(request.out(), rendered.files());
    Map<String, String> options = new LinkedHashMap<>();
    options.put("month", request.month().toString());
    options.put("lang", language.code());
    options.put("font", font.file().toString());
    options.put("font_face", font.family());
    options.put("lake", snapshots.root());
    request
        .asOfManifest()
        .ifPresent(p -> options.put("as_of_manifest", p.toAbsolutePath().toString()));
    Manifest manifest =
        new Manifest(
            request.month().toString(), language.code(), versions, code, options, checksums);
    writeFile(request.out().resolve(Manifest.FILE), manifest.toJson());
    double renderSeconds = (System.nanoTime() - renderStarted) / 1e9;
    RunLog.info(
        "report %s (%s): read in %.1f s, rendered %d files in %.1f s -> %s",
        request.month(),
        language.code(),
        readSeconds,
        rendered.files().size(),
        renderSeconds,
        request.out().toAbsolutePath());
    return new Result(request.out(), manifest, readSeconds, renderSeconds);
  }

  /**
   * Writes the files and returns their checksums; charts of an earlier render that are not redrawn
   * are removed.
   */
  static Map<String, String> write(Path out, Map<String, byte[]> files) {
    Path charts = out.resolve("charts");
    try {
      Files.createDirectories(charts);
      try (Stream<Path> old = Files.list(charts)) {
        for (Path stale :
            old.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".svg"))
                .toList()) {
          Files.delete(stale);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> checksums = new TreeMap<>();
    files.forEach(
        (name, bytes) -> {
          writeFile(out.resolve(name), bytes);
          checksums.put(name, Checksums.sha256(bytes));
        });
    return checksums;
  }

  private static void writeFile(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
