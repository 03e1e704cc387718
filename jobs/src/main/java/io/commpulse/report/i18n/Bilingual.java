package io.commpulse.report.i18n;

import io.commpulse.schema.KpiRegistry;

/** A text in both report languages. */
public record Bilingual(String en, String zh) {
  public static Bilingual of(KpiRegistry.Wording wording) {
    return new Bilingual(wording.en(), wording.zh());
  }

  public String in(Language language) {
    return language == Language.ZH ? zh : en;
  }
}
