package io.commpulse.report.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class FormatsTest {
  private final Formats en = new Formats(Language.EN);
  private final Formats zh = new Formats(Language.ZH);

  @Test
  void sharesArePercentagesWithOneDecimal() {
    assertEquals("93.1%", en.share(0.9312));
    assertEquals("4.1%", zh.share(0.0412));
    assertEquals("100.0%", en.share(1.0));
    assertEquals("–", en.share(null));
  }

  @Test
  void hoursCarryTheirUnitInTheReportLanguage() {
    assertEquals("20.3 h", en.hours(20.34));
    assertEquals("20.3 小时", zh.hours(20.34));
  }

  @Test
  void valuesFollowTheScorecardUnit() {
    assertEquals("3.62", en.value("likert", 3.6201));
    assertEquals("2", en.value("count", 2.0));
    assertEquals("58.3%", en.value("share", 0.583));
    assertEquals("8.4 h", en.value("hours", 8.44));
  }

  @Test
  void targetsAreWrittenWithoutTrailingZeros() {
    assertEquals("95%", en.target("share", 0.95));
    assertEquals("5%", en.target("share", 0.05));
    assertEquals("100%", en.target("share", 1.0));
    assertEquals("24 h", en.target("hours", 24.0));
    assertEquals("24 小时", zh.target("hours", 24.0));
    assertEquals("97.5%", en.target("share", 0.975));
  }

  @Test
  void intervalsWriteTheUnitOnceUnlessTheyGoNegative() {
    assertEquals("92.4–93.8%", en.interval("share", 0.9241, 0.9378));
    assertEquals("18.9–21.8 h", en.interval("hours", 18.91, 21.77));
    assertEquals("3.51–3.73", zh.interval("likert", 3.51, 3.73));
    assertEquals("-25.0% to -15.0%", en.interval("share", -0.25, -0.15));
    assertEquals("-4.0% 至 6.0%", zh.interval("share", -0.04, 0.06));
    assertEquals("–", en.interval("share", null, 0.2));
  }

  @Test
  void signedSharesShowTheDirectionAndNoNegativeZero() {
    assertEquals("+12.5%", en.signedShare(0.125));
    assertEquals("-6.3%", en.signedShare(-0.0625));
    assertEquals("0.0%", en.signedShare(-0.00001));
    assertEquals("0.0%", en.signedShare(0.0));
  }

  @Test
  void monthsAreWrittenAsReadersSayThem() {
    assertEquals("October 2026", en.month(YearMonth.of(2026, 10)));
    assertEquals("2026年10月", zh.month(YearMonth.of(2026, 10)));
  }
}
