package io.commpulse.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The byte-order mark a file starts with, if any. */
public enum ByteOrderMark {
  // The four-byte marks come first: FF FE 00 00 (UTF-32LE) also starts like FF FE (UTF-16LE).
  UTF_32BE("UTF-32", 0x00, 0x00, 0xFE, 0xFF),
  UTF_32LE("UTF-32", 0xFF, 0xFE, 0x00, 0x00),
  UTF_8("UTF-8", 0xEF, 0xBB, 0xBF),
  UTF_16BE("UTF-16", 0xFE, 0xFF),
  UTF_16LE("UTF-16", 0xFF, 0xFE);

  /** The most bytes a mark takes: read at least this many to sniff one. */
  public static final int MAX_LENGTH = 4;

  private final String encoding;
  private final int[] bytes;

  ByteOrderMark(String encoding, int... bytes) {
    this.encoding = encoding;
    this.bytes = bytes;
  }

  /** The mark {@code head} starts with, or null when it has none. */
  public static ByteOrderMark of(byte[] head) {
    for (ByteOrderMark mark : values()) {
      if (mark.startsOf(head)) {
        return mark;
      }
    }
    return null;
  }

  /** How many bytes the mark takes. */
  public int length() {
    return bytes.length;
  }

  /** The encoding family, without byte order: UTF-8, UTF-16 or UTF-32. */
  public String encoding() {
    return encoding;
  }

  /**
   * The charset to read the file with: the UTF-16 and UTF-32 decoders take the byte order from the
   * mark and drop it; the UTF-8 one keeps it as a leading U+FEFF.
   */
  public Charset charset() {
    return this == UTF_8 ? StandardCharsets.UTF_8 : Charset.forName(encoding);
  }

  private boolean startsOf(byte[] head) {
    if (head.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((head[i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
