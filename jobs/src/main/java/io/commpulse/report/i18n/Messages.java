package io.commpulse.report.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The texts of one report in one language. Every string the report shows passes through here, fixed
 * texts and names from the data alike, and is remembered: the font check asks whether the chosen
 * font can draw each of them.
 */
public final class Messages {
  private final Language language;
  private final Formats formats;
  private final Map<String, Bilingual> departmentNames;
  private final Set<String> used = new TreeSet<>();

  /**
   * @param departmentNames department code to name, as found in the data; codes missing here fall
   *     back to {@link Vocabulary#DEPARTMENT}
   */
  public Messages(Language language, Map<String, Bilingual> departmentNames) {
    this.language = language;
    this.formats = new Formats(language);
    this.departmentNames = Map.copyOf(departmentNames);
  }

  public Language language() {
    return language;
  }

  public Formats fmt() {
    return formats;
  }

  public String text(Message message, Object... args) {
    return use(String.format(Locale.ROOT, message.template(language), args));
  }

  public String name(Vocabulary vocabulary, String code) {
    return use(vocabulary.name(code, language));
  }

  public String department(String code) {
    Bilingual fromData = departmentNames.get(code);
    return fromData != null ? use(fromData.in(language)) : name(Vocabulary.DEPARTMENT, code);
  }

  public String pick(Bilingual text) {
    return use(text.in(language));
  }

  /**
   * A string built elsewhere (a formatted figure, a title from the data) that the report shows as
   * it is.
   */
  public String use(String shown) {
    used.add(shown);
    return shown;
  }

  /** Every string shown so far, for the font check. */
  public Set<String> used() {
    return Set.copyOf(used);
  }
}
