package io.commpulse.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * What happens to the sample company from month to month: a pure function of the calendar month, so
 * a month's conditions are the same whether it is generated alone or after its predecessor. Months
 * are counted from {@link #EPOCH}; the seed only decides the random draws within a month.
 * docs/sample-data.md describes the story these numbers tell.
 */
final class CompanyHistory {
  /** Month 0 of the history. Months before it are generated with its conditions. */
  static final YearMonth EPOCH = YearMonth.of(2026, 1);

  /** Operations was reorganised in April 2026; its communication got worse month by month. */
  static final String DRIFTING_DEPARTMENT = "OPS";

  static final YearMonth DRIFT_START = YearMonth.of(2026, 4);

  /** Months over which the drift deepens; it holds at its deepest afterwards. */
  static final int DRIFT_MONTHS = 9;

  /** Latent Likert shift of the drifting department per month of drift. */
  static final double SATISFACTION_STEP = -0.12;

  /** Added to the drifting department's mis-transmission rate per month of drift. */
  static final double MISTRANSMISSION_STEP = 0.009;

  /**
   * The customer-service workbench was down for a week (company time, end exclusive): the service
   * desk could not see new tickets or social comments, so replies to what arrived then were slow.
   */
  static final LocalDateTime OUTAGE_START = LocalDateTime.of(2026, 8, 10, 0, 0);

  static final LocalDateTime OUTAGE_END = LocalDateTime.of(2026, 8, 17, 0, 0);
  static final double OUTAGE_TICKET_REPLY_FACTOR = 4.0;
  static final double OUTAGE_SOCIAL_REPLY_FACTOR = 3.5;

  /** Customer-facing volume per calendar month, relative to an average month (scale 1). */
  private static final double[] VOLUME = {
    0.92, // Jan
    1.05, // Feb: Spring Festival shopping
    0.95,
    0.95,
    0.97,
    1.15, // Jun: 618
    0.93,
    0.95,
    0.98,
    1.06, // Oct: Golden Week
    1.25, // Nov: Double 11
    1.05 // Dec: Double 12, year end
  };

  /**
   * How much more often than usual employees miss an announcement, per calendar month: summer
   * holidays and the Spring Festival thin the audience; in May and October, after the spring and
   * autumn all-hands meetings, announcements reach nearly everyone.
   */
  private static final double[] UNAWARE_FACTOR = {
    1.5, 3.0, 1.0, 0.8, 0.6, 1.5, 3.2, 3.6, 1.8, 0.6, 1.3, 2.0
  };

  /** First day of the Spring Festival (lunar new year), which moves every year. */
  private static final Map<Integer, LocalDate> SPRING_FESTIVAL =
      Map.of(
          2024, LocalDate.of(2024, 2, 10),
          2025, LocalDate.of(2025, 1, 29),
          2026, LocalDate.of(2026, 2, 17),
          2027, LocalDate.of(2027, 2, 6),
          2028, LocalDate.of(2028, 1, 26),
          2029, LocalDate.of(2029, 2, 13),
          2030, LocalDate.of(2030, 2, 3));

  private CompanyHistory() {}

  /** Months since {@link #EPOCH}; negative before it. */
  static int index(YearMonth month) {
    return (int) ChronoUnit.MONTHS.between(EPOCH, month);
  }

  static double volume(YearMonth month) {
    return VOLUME[month.getMonthValue() - 1];
  }

  /** Months of drift reached in the month: 0 before April 2026, up to {@link #DRIFT_MONTHS}. */
  static int driftMonths(YearMonth month) {
    long since = ChronoUnit.MONTHS.between(DRIFT_START, month) + 1;
    return (int) Math.max(0, Math.min(DRIFT_MONTHS, since));
  }

  static double satisfactionDrift(Department dept, YearMonth month) {
    return dept.code().equals(DRIFTING_DEPARTMENT) ? SATISFACTION_STEP * driftMonths(month) : 0;
  }

  static double mistransmissionDrift(Department dept, YearMonth month) {
    return dept.code().equals(DRIFTING_DEPARTMENT) ? MISTRANSMISSION_STEP * driftMonths(month) : 0;
  }

  /** Share of internal messages sent over WeCom: adopted from 8% in January 2026, capped at 50%. */
  static double wecomShare(YearMonth month) {
    return Math.max(0.08, Math.min(0.5, 0.08 + 0.035 * index(month)));
  }

  static double unawareFactor(YearMonth month) {
    return UNAWARE_FACTOR[month.getMonthValue() - 1];
  }

  static boolean inOutage(LocalDateTime companyTime) {
    return !companyTime.isBefore(OUTAGE_START) && companyTime.isBefore(OUTAGE_END);
  }

  static LocalDate springFestival(int year) {
    return SPRING_FESTIVAL.getOrDefault(year, LocalDate.of(year, 2, 10));
  }

  /**
   * Relative customer traffic on a day: month-end peaks and the shopping festivals, a lull while
   * the whole country is on Spring Festival holiday.
   */
  static double customerDayWeight(LocalDate day) {
    double w = 1.0;
    if (day.getDayOfMonth() > day.lengthOfMonth() - 3) {
      w *= 1.35;
    }
    LocalDate festival = springFestival(day.getYear());
    long toFestival = ChronoUnit.DAYS.between(day, festival);
    if (toFestival > 0 && toFestival <= 7) {
      w *= 1.5;
    } else if (toFestival <= 0 && toFestival > -7) {
      w *= 0.6;
    }
    MonthDay md = MonthDay.from(day);
    if (day.getMonth() == Month.OCTOBER && day.getDayOfMonth() <= 7) {
      w *= 1.6;
    } else if (md.equals(MonthDay.of(6, 18))) {
      w *= 3.0;
    } else if (day.getMonth() == Month.JUNE
        && (day.getDayOfMonth() == 16 || day.getDayOfMonth() == 17)) {
      w *= 2.0;
    } else if (md.equals(MonthDay.of(11, 11))) {
      w *= 3.5;
    } else if (day.getMonth() == Month.NOVEMBER
        && day.getDayOfMonth() >= 9
        && day.getDayOfMonth() <= 13) {
      w *= 2.0;
    } else if (md.equals(MonthDay.of(12, 12))) {
      w *= 1.8;
    }
    return w;
  }

  /** Relative internal traffic on a day: little on weekends and public holidays. */
  static double workDayWeight(LocalDate day) {
    boolean holiday =
        (day.getMonth() == Month.OCTOBER && day.getDayOfMonth() <= 7)
            || (!day.isBefore(springFestival(day.getYear()))
                && day.isBefore(springFestival(day.getYear()).plusDays(7)));
    if (holiday) {
      return 0.15;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.25 : 1.0;
  }
}
