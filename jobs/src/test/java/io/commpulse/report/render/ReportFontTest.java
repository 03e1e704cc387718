package io.commpulse.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.commpulse.errors.UserError;
import io.commpulse.report.i18n.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ReportFontTest {
  private static final Path NOTO =
      Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
  private static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
  private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

  @Test
  void aChineseReportFindsAnInstalledCjkFont() {
    ReportFont font = ReportFont.locate(Optional.empty(), Language.ZH);
    assertTrue(font.canDisplay("沟通管理月度报告"), font.family());
  }

  @Test
  void inANotoCollectionTheSimplifiedChineseFaceIsChosen() {
    Assumptions.assumeTrue(Files.isRegularFile(NOTO), "fonts-noto-cjk not installed");
    ReportFont font = ReportFont.load(NOTO);
    assertEquals("Noto Sans CJK SC", font.family());
    assertEquals(NOTO + "," + font.index(), font.pdfName());
  }

  @Test
  void wenQuanYiWorksAsWell() {
    Assumptions.assumeTrue(Files.isRegularFile(WQY), "fonts-wqy-microhei not installed");
    ReportFont font = ReportFont.locate(Optional.of(WQY), Language.ZH);
    assertEquals("WenQuanYi Micro Hei", font.family());
    assertEquals(0, font.index());
  }

  @Test
  void aFontWithoutChineseGlyphsIsRefusedForAChineseReport() {
    Assumptions.assumeTrue(Files.isRegularFile(DEJAVU), "fonts-dejavu not installed");
    UserError error =
        assertThrows(UserError.class, () -> ReportFont.locate(Optional.of(DEJAVU), Language.ZH));
    assertTrue(error.getMessage().contains("has no Chinese glyphs"), error.getMessage());
    assertTrue(error.getMessage().contains("scripts/install-fonts.sh"), error.getMessage());
    assertEquals("DejaVu Sans", ReportFont.locate(Optional.of(DEJAVU), Language.EN).family());
  }

  @Test
  void withoutAnyCjkFontInstalledAChineseReportSaysHowToGetOne() {
    UserError error =
        assertThrows(
            UserError.class,
            () ->
                ReportFont.locate(
                    Optional.empty(),
                    Language.ZH,
                    List.of(Path.of("/nowhere/NotoSansCJK-Regular.ttc")),
                    List.of(DEJAVU)));
    assertEquals(
        "no CJK font found for a Chinese report (looked in [/nowhere/NotoSansCJK-Regular.ttc]); run "
            + "scripts/install-fonts.sh (Debian fonts-noto-cjk / fonts-wqy-microhei) or pass --font FILE",
        error.getMessage());
  }

  @Test
  void aMissingFontFileIsAClearError() {
    UserError error =
        assertThrows(
            UserError.class,
            () -> ReportFont.locate(Optional.of(Path.of("/no/such/font.ttf")), Language.EN));
    assertEquals("font file not found: /no/such/font.ttf", error.getMessage());
  }
}
