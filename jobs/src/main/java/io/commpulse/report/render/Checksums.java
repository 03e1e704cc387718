package io.commpulse.report.render;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of output files, as the manifest records them. */
public final class Checksums {
  private Checksums() {}

  public static String sha256(byte[] bytes) {
    return hex(digest(bytes));
  }

  static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] digest) {
    StringBuilder s = new StringBuilder(digest.length * 2);
    for (byte b : digest) {
      s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return s.toString();
  }
}
