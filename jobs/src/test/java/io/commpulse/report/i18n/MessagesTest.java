package io.commpulse.report.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private static final Pattern ARGUMENT = Pattern.compile("%(\\d+)\\$([sd])");

  @Test
  void everyTemplateFormatsInBothLanguagesWithTheSameArguments() {
    for (Message message : Message.values()) {
      Object[] args = sampleArguments(message.template(Language.EN));
      for (Language language : Language.values()) {
        String text = new Messages(language, Map.of()).text(message, args);
        assertFalse(text.isBlank(), message + " " + language);
        assertEquals(
            argumentKinds(message.template(Language.EN)),
            argumentKinds(message.template(language)),
            message + ": the languages take different arguments");
      }
    }
  }

  @Test
  void chineseTextsAreChinese() {
    for (Message message : Message.values()) {
      String zh = message.template(Language.ZH);
      String en = message.template(Language.EN);
      boolean words = en.replaceAll("%\\d+\\$[sd]", "").matches("(?s).*[A-Za-z]{2,}.*");
      if (words && !zh.equals(en)) {
        assertTrue(
            zh.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
            message + " has no Chinese: " + zh);
      }
    }
  }

  @Test
  void everyVocabularyCodeHasBothNames() {
    for (Vocabulary vocabulary : Vocabulary.values()) {
      vocabulary
          .names()
          .forEach(
              (code, name) -> {
                assertFalse(name.en().isBlank(), vocabulary + " " + code);
                assertFalse(name.zh().isBlank(), vocabulary + " " + code);
              });
    }
  }

  @Test
  void unknownCodesAreShownAsStored() {
    Messages m = new Messages(Language.ZH, Map.of());
    assertEquals("carrier_pigeon", m.name(Vocabulary.CHANNEL, "carrier_pigeon"));
    assertEquals("电话", m.name(Vocabulary.CHANNEL, "phone"));
  }

  @Test
  void departmentNamesFromTheDataWinOverTheBuiltInOnes() {
    Messages m =
        new Messages(Language.EN, Map.of("OPS", new Bilingual("Ops & Logistics", "运营物流部")));
    assertEquals("Ops & Logistics", m.department("OPS"));
    assertEquals("Sales", m.department("SALES"));
  }

  @Test
  void everyShownStringIsRemembered() {
    Messages m = new Messages(Language.EN, Map.of());
    String shown = m.text(Message.MARKER_TARGET, "95%");
    assertTrue(m.used().contains(shown));
    String id = m.use("EXP-1");
    assertTrue(m.used().contains(id));
  }

  private static Object[] sampleArguments(String template) {
    Map<Integer, String> kinds = argumentKinds(template);
    int max = kinds.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    Object[] args = new Object[max];
    for (int i = 1; i <= max; i++) {
      args[i - 1] = "d".equals(kinds.get(i)) ? (Object) 3 : "x";
    }
    return args;
  }

  private static Map<Integer, String> argumentKinds(String template) {
    Map<Integer, String> kinds = new java.util.TreeMap<>();
    Matcher m = ARGUMENT.matcher(template.replace("%%", ""));
    while (m.find()) {
      kinds.put(Integer.parseInt(m.group(1)), m.group(2));
    }
    return kinds;
  }
}
