package io.commpulse.generate;

import io.commpulse.schema.SchemaCatalog;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The month being generated and what every source draws on: its size, one random stream per source
 * (so a source's records do not depend on the others), its timestamps, and the writers of its
 * landing files.
 */
final class SampleMonth {
  static final ZoneId COMPANY_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final SchemaCatalog catalog;
  private final YearMonth month;
  private final double scale;
  private final long seed;
  private final double dirtyRate;
  private final Path out;
  private final Set<String> only;
  private final Map<String, Long> rowsWritten = new TreeMap<>();

  /**
   * {@code only}: the sources whose files are written (all when empty); the others are drawn but
   * not written.
   */
  SampleMonth(
      SchemaCatalog catalog,
      YearMonth month,
      double scale,
      long seed,
      double dirtyRate,
      Path out,
      Set<String> only) {
    this.catalog = catalog;
    this.month = month;
    this.scale = scale;
    this.seed = seed;
    this.dirtyRate = dirtyRate;
    this.out = out;
    this.only = only;
  }

  SchemaCatalog catalog() {
    return catalog;
  }

  YearMonth month() {
    return month;
  }

  long seed() {
    return seed;
  }

  double dirtyRate() {
    return dirtyRate;
  }

  Path out() {
    return out;
  }

  boolean wanted(String source) {
    return only.isEmpty() || only.contains(source);
  }

  /** Landing records written per source so far. */
  Map<String, Long> rowsWritten() {
    return rowsWritten;
  }

  void written(String source, long rows) {
    rowsWritten.merge(source, rows, Long::sum);
  }

  int count(double atScaleOne, int minimum) {
    return (int) Math.max(minimum, Math.round(atScaleOne * scale));
  }

  SplittableRandom random(String source) {
    return new SplittableRandom(seed * 1_000_003L + source.hashCode());
  }

  LocalDateTime randomMoment(SplittableRandom rnd, int lastDay) {
    return month.atDay(1 + rnd.nextInt(lastDay)).atStartOfDay().plusSeconds(rnd.nextLong(86_400));
  }

  /** Customers mostly write during the day: 85% between 08:00 and 21:00 local time. */
  LocalDateTime daytimeMoment(SplittableRandom rnd) {
    long second =
        rnd.nextDouble() < 0.85 ? 8 * 3600 + rnd.nextLong(13 * 3600) : rnd.nextLong(86_400);
    return month.atDay(1 + rnd.nextInt(month.lengthOfMonth())).atStartOfDay().plusSeconds(second);
  }

  /**
   * Every export of the month is taken when the month is over (company time): events after that are
   * not in the files yet, so a month that has just ended carries no future timestamps.
   */
  LocalDateTime known(LocalDateTime t) {
    return t == null || t.isBefore(month.plusMonths(1).atDay(1).atStartOfDay()) ? t : null;
  }

  /** A UTF-8 landing file of the source, with dirty rows at the month's rate. */
  SourceWriter writer(String source, String fileName) {
    return new SourceWriter(this, source, fileName, StandardCharsets.UTF_8, dirtyRate);
  }

  SourceWriter writer(String source, String fileName, Charset charset, double dirtyRate) {
    return new SourceWriter(this, source, fileName, charset, dirtyRate);
  }

  static String local(LocalDateTime t) {
    return t == null ? null : LOCAL.format(t);
  }

  static String utc(LocalDateTime companyLocal) {
    Instant instant = companyLocal.atZone(COMPANY_ZONE).toInstant();
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  static LocalDateTime plusHours(LocalDateTime t, double hours) {
    return t.plusSeconds(Math.round(hours * 3600));
  }

  static LocalDateTime latest(LocalDateTime... times) {
    LocalDateTime max = null;
    for (LocalDateTime t : times) {
      if (t != null && (max == null || t.isAfter(max))) {
        max = t;
      }
    }
    return max;
  }
}
