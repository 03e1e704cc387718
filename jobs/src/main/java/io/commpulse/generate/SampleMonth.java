package io.commpulse.generate;

import io.commpulse.schema.SchemaCatalog;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The month being generated and what every source draws on: its size, one random stream per source
 * (so a source's records do not depend on the others), its timestamps, and the writers of its
 * landing files.
 */
final class SampleMonth {
  static final ZoneId COMPANY_ZONE = ZoneId.of("Asia/Shanghai");

  /** A source name that selects no source: a month drawn, never written. */
  private static final String NOTHING = "";

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final SchemaCatalog catalog;
  private final YearMonth month;
  private final double scale;
  private final long seed;
  private final double dirtyRate;
  private final Path out;
  private final Set<String> only;
  private final Map<String, Long> rowsWritten = new TreeMap<>();
  private final double[] customerDays;
  private final double[] workDays;

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
    this.customerDays = cumulative(month, CompanyHistory::customerDayWeight);
    this.workDays = cumulative(month, CompanyHistory::workDayWeight);
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

  /**
   * The random stream of a source in this month: months draw independently of each other, so
   * generating a month alone gives the same records as generating it after its predecessor.
   */
  SplittableRandom random(String source) {
    return new SplittableRandom(
        seed * 1_000_003L + source.hashCode() + 0x9E3779B97F4A7C15L * CompanyHistory.index(month));
  }

  /**
   * A stream that is the same in every month: for what persists about a person (how satisfied
   * someone tends to be, whether they answer surveys).
   */
  SplittableRandom persistent(String key) {
    return new SplittableRandom(seed * 1_000_003L + key.hashCode() * 0xBF58476D1CE4E5B9L);
  }

  /**
   * The previous month as the generator would draw it, for the records of that month that are
   * completed in this one; nothing of it is written.
   */
  SampleMonth previous() {
    return new SampleMonth(catalog, month.minusMonths(1), scale, seed, 0, out, Set.of(NOTHING));
  }

  /** The start of the next month (company time): the export of this month is taken then. */
  LocalDateTime end() {
    return month.plusMonths(1).atDay(1).atStartOfDay();
  }

  /** Customer-facing volume of the month: the scale-1 size times the month's season. */
  int customerCount(double atScaleOne, int minimum) {
    return count(atScaleOne * CompanyHistory.volume(month), minimum);
  }

  LocalDateTime randomMoment(SplittableRandom rnd, int lastDay) {
    return month.atDay(1 + rnd.nextInt(lastDay)).atStartOfDay().plusSeconds(rnd.nextLong(86_400));
  }

  /**
   * Customers mostly write during the day: 85% between 08:00 and 21:00 local time, more on busy
   * days (month end, shopping festivals).
   */
  LocalDateTime daytimeMoment(SplittableRandom rnd) {
    long second =
        rnd.nextDouble() < 0.85 ? 8 * 3600 + rnd.nextLong(13 * 3600) : rnd.nextLong(86_400);
    return customerDay(rnd).atStartOfDay().plusSeconds(second);
  }

  /** Any time of a day drawn by customer traffic. */
  LocalDateTime customerMoment(SplittableRandom rnd) {
    return customerDay(rnd).atStartOfDay().plusSeconds(rnd.nextLong(86_400));
  }

  /** Any time of a day drawn by internal traffic (weekdays, not on public holidays). */
  LocalDateTime workMoment(SplittableRandom rnd) {
    return weightedDay(rnd, workDays).atStartOfDay().plusSeconds(rnd.nextLong(86_400));
  }

  LocalDate customerDay(SplittableRandom rnd) {
    return weightedDay(rnd, customerDays);
  }

  private LocalDate weightedDay(SplittableRandom rnd, double[] cumulative) {
    double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
    int day = 0;
    while (day < cumulative.length - 1 && x >= cumulative[day]) {
      day++;
    }
    return month.atDay(day + 1);
  }

  private static double[] cumulative(YearMonth month, ToDoubleFunction<LocalDate> weight) {
    double[] c = new double[month.lengthOfMonth()];
    double sum = 0;
    for (int d = 0; d < c.length; d++) {
      sum += weight.applyAsDouble(month.atDay(d + 1));
      c[d] = sum;
    }
    return c;
  }

  /**
   * Every export of the month is taken when the month is over (company time): events after that are
   * not in the files yet, so a month that has just ended carries no future timestamps.
   */
  LocalDateTime known(LocalDateTime t) {
    return knownBy(t, end());
  }

  /** The time when it lies before {@code cutoff}, else null: not known yet at the cut-off. */
  static LocalDateTime knownBy(LocalDateTime t, LocalDateTime cutoff) {
    return t == null || t.isBefore(cutoff) ? t : null;
  }

  /** True when the event happened after this month's export and by the next month's. */
  boolean completedNextMonth(LocalDateTime t) {
    return t != null
        && !t.isBefore(end())
        && t.isBefore(month.plusMonths(2).atDay(1).atStartOfDay());
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
