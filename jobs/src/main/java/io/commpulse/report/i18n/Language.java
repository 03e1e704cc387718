package io.commpulse.report.i18n;

import io.commpulse.errors.UserError;
import java.util.Arrays;
import java.util.Locale;

/** The languages a report is written in. */
public enum Language {
  ZH("zh", Locale.SIMPLIFIED_CHINESE),
  EN("en", Locale.ENGLISH);

  private final String code;
  private final Locale locale;

  Language(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  /** Whether text in this language needs CJK glyphs (and therefore a CJK font). */
  public boolean needsCjk() {
    return this == ZH;
  }

  public static Language fromCode(String code) {
    return Arrays.stream(values())
        .filter(l -> l.code.equalsIgnoreCase(code))
        .findFirst()
        .orElseThrow(() -> new UserError("unknown language '" + code + "'; use zh or en"));
  }
}
