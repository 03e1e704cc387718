package io.commpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
  private static TextTable table() {
    return new TextTable(List.of("metric", "n", "decision"), new boolean[] {false, true, false})
        .add(List.of("满意度", "1,204", "ship"))
        .add(List.of("csat", "87", "keep control"));
  }

  @Test
  void plainAlignsChineseByDisplayWidth() {
    assertEquals(
        """
        metric      n  decision
        满意度  1,204  ship
        csat       87  keep control
        """,
        table().plain("\n"));
  }

  @Test
  void boxedFramesTheRowsAndLeftAlignsTheHeader() {
    assertEquals(
        """
        +--------+-------+--------------+
        | metric | n     | decision     |
        +--------+-------+--------------+
        | 满意度 | 1,204 | ship         |
        | csat   |    87 | keep control |
        +--------+-------+--------------+
        """,
        table().boxed());
  }

  @Test
  void wideCharactersTakeTwoColumns() {
    assertEquals(6, TextTable.displayWidth("全公司"));
    assertEquals(4, TextTable.displayWidth("ＡＢ"));
    assertEquals(5, TextTable.displayWidth("ALL a"));
  }
}
