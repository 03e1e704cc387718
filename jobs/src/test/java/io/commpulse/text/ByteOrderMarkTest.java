package io.commpulse.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteOrderMarkTest {
  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void recognisesEveryMark() {
    assertEquals(ByteOrderMark.UTF_8, ByteOrderMark.of(bytes(0xEF, 0xBB, 0xBF, 'a')));
    assertEquals(ByteOrderMark.UTF_16BE, ByteOrderMark.of(bytes(0xFE, 0xFF, 0, 'a')));
    assertEquals(ByteOrderMark.UTF_16LE, ByteOrderMark.of(bytes(0xFF, 0xFE, 'a', 0)));
    assertEquals(ByteOrderMark.UTF_32BE, ByteOrderMark.of(bytes(0, 0, 0xFE, 0xFF)));
    assertEquals(ByteOrderMark.UTF_32LE, ByteOrderMark.of(bytes(0xFF, 0xFE, 0, 0)), "not UTF-16LE");
  }

  @Test
  void noMarkIsNull() {
    assertNull(ByteOrderMark.of(bytes('i', 'd', ',')));
    assertNull(ByteOrderMark.of(bytes(0xEF, 0xBB)), "cut short");
    assertNull(ByteOrderMark.of(new byte[0]));
  }

  @Test
  void theCharsetReadsTheFile() {
    assertEquals(StandardCharsets.UTF_8, ByteOrderMark.UTF_8.charset());
    assertEquals(
        "hi", new String(bytes(0xFF, 0xFE, 'h', 0, 'i', 0), ByteOrderMark.UTF_16LE.charset()));
    assertEquals(
        "hi",
        new String(
            bytes(0, 0, 0xFE, 0xFF, 0, 0, 0, 'h', 0, 0, 0, 'i'), ByteOrderMark.UTF_32BE.charset()));
    assertEquals(Charset.forName("UTF-32"), ByteOrderMark.UTF_32LE.charset());
    assertEquals(3, ByteOrderMark.UTF_8.length());
  }
}
