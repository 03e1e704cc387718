package io.commpulse.report.render;

import io.commpulse.errors.UserError;
import io.commpulse.report.i18n.Language;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one font of a report, loaded from a file so that charts, PDF and the font check all use the
 * same glyphs whatever fonts the JVM would fall back to. Inside a font collection (.ttc) the
 * Simplified Chinese face is chosen.
 *
 * @param file font file (.ttf, .otf or .ttc)
 * @param index face index inside a collection, 0 for single fonts
 * @param awt the face for Java2D charts
 */
public record ReportFont(Path file, int index, Font awt) {
  /**
   * Where Debian/Ubuntu, Fedora and Arch put Noto Sans CJK and WenQuanYi; see
   * scripts/install-fonts.sh.
   */
  public static final List<Path> CJK_SEARCH_PATH =
      List.of(
          Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
          Path.of("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
          Path.of("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
          Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
          Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
          Path.of("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),
          Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

  /** Enough for an English report when no CJK font is installed. */
  public static final List<Path> LATIN_SEARCH_PATH =
      List.of(
          Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
          Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"));

  /** Text a Chinese report cannot do without. */
  static final String CJK_PROBE = "沟通管理月度报告信息覆盖率满意度";

  private static final Map<Path, Font[]> LOADED = new ConcurrentHashMap<>();

  public String family() {
    return awt.getFamily(Locale.ROOT);
  }

  /** The font as OpenPDF names it: the path, plus ",index" inside a collection. */
  public String pdfName() {
    return file.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")
        ? file + "," + index
        : file.toString();
  }

  /** Whether every character of {@code text} has a glyph in this font. */
  public boolean canDisplay(String text) {
    return awt.canDisplayUpTo(text) == -1;
  }

  /**
   * The requested font, or the first installed one that suits the language. A Chinese report
   * without a CJK font is refused: it would print boxes instead of characters.
   */
  public static ReportFont locate(Optional<Path> requested, Language language) {
    return locate(requested, language, CJK_SEARCH_PATH, LATIN_SEARCH_PATH);
  }

  static ReportFont locate(
      Optional<Path> requested,
      Language language,
      List<Path> cjkSearchPath,
      List<Path> latinSearchPath) {
    if (requested.isPresent()) {
      Path file = requested.get();
      if (!Files.isRegularFile(file)) {
        throw new UserError("font file not found: " + file);
      }
      ReportFont font = load(file);
      if (language.needsCjk() && !font.canDisplay(CJK_PROBE)) {
        throw new UserError(
            "font "
                + file
                + " ("
                + font.family()
                + ") has no Chinese glyphs; a --lang zh report "
                + "needs a CJK font such as Noto Sans CJK or WenQuanYi Micro Hei (scripts/install-fonts.sh installs both)");
      }
      return font;
    }
    List<Path> candidates = new ArrayList<>(cjkSearchPath);
    if (!language.needsCjk()) {
      candidates.addAll(latinSearchPath);
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        ReportFont font = load(candidate);
        if (!language.needsCjk() || font.canDisplay(CJK_PROBE)) {
          return font;
        }
      }
    }
    throw new UserError(
        language.needsCjk()
            ? "no CJK font found for a Chinese report (looked in "
                + cjkSearchPath
                + "); run scripts/install-fonts.sh "
                + "(Debian fonts-noto-cjk / fonts-wqy-microhei) or pass --font FILE"
            : "no font found (looked in "
                + candidates
                + "); run scripts/install-fonts.sh or pass --font FILE");
  }

  /**
   * Loads a font file; in a collection, the Simplified Chinese face, else the first proportional
   * CJK face.
   */
  public static ReportFont load(Path file) {
    Font[] faces = LOADED.computeIfAbsent(file.toAbsolutePath(), ReportFont::read);
    int chosen = 0;
    int score = -1;
    for (int i = 0; i < faces.length; i++) {
      String name = faces[i].getFontName(Locale.ROOT);
      int s =
          (name.contains("Mono") ? 0 : 2)
              + (faces[i].canDisplayUpTo(CJK_PROBE) == -1 ? 4 : 0)
              + (name.endsWith(" SC") || name.contains(" SC ") ? 8 : 0);
      if (s > score) {
        score = s;
        chosen = i;
      }
    }
    return new ReportFont(file.toAbsolutePath(), chosen, faces[chosen]);
  }

  private static Font[] read(Path file) {
    try {
      Font[] faces = Font.createFonts(file.toFile());
      if (faces.length == 0) {
        throw new UserError("font file " + file + " holds no font");
      }
      return faces;
    } catch (FontFormatException | IOException e) {
      throw new UserError("cannot read font file " + file + ": " + e.getMessage(), e);
    }
  }
}
