package io.commpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvFieldTest {
  @Test
  void quotesOnlyWhenItMust() {
    assertEquals("", CsvField.quote(null));
    assertEquals("plain text", CsvField.quote("plain text"));
    assertEquals("\"a,b\"", CsvField.quote("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvField.quote("say \"hi\""));
    assertEquals("\"two\nlines\"", CsvField.quote("two\nlines"));
    assertEquals("\"cr\r\"", CsvField.quote("cr\r"));
  }
}
