package io.commpulse.report.i18n;

/** A text in both report languages. */
public record Bilingual(String en, String zh) {
  public String in(Language language) {
    return language == Language.ZH ? zh : en;
  }
}
