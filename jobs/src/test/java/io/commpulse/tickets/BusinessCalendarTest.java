package io.commpulse.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.commpulse.errors.UserError;
import io.commpulse.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Business hours, every expectation counted by hand on the calendar of October 2026 (Thu 1, Mon 5,
 * Mon 12, Fri 16, Sat 17, Mon 19, Fri 23, Sun 25, Mon 26). Asia/Shanghai is UTC+8 all year;
 * Europe/Berlin is UTC+2 until Sun 25 Oct 2026 03:00, then UTC+1.
 */
class BusinessCalendarTest {
  private static final BusinessCalendar STANDARD = BusinessCalendar.standard();
  private static final double EXACT = 1e-12;

  private static Instant shanghai(String local) {
    return LocalDateTime.parse(local.replace(' ', 'T'))
        .atZone(ZoneId.of("Asia/Shanghai"))
        .toInstant();
  }

  @ParameterizedTest(name = "{0} -> {1} = {2} h ({3})")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-10-12 10:00 | 2026-10-12 15:30 | 5.5  | same working day: 10:00-15:30",
        "2026-10-12 07:00 | 2026-10-12 10:00 | 1.0  | opened before 09:00: only 09:00-10:00 counts",
        "2026-10-12 19:00 | 2026-10-12 21:00 | 0.0  | wholly after 18:00",
        "2026-10-12 17:00 | 2026-10-13 10:00 | 2.0  | overnight: Mon 17-18 + Tue 09-10",
        "2026-10-12 19:00 | 2026-10-13 08:00 | 0.0  | overnight, both outside opening hours",
        "2026-10-12 17:00 | 2026-10-13 20:00 | 10.0 | Mon 17-18 + all of Tue 09-18",
        "2026-10-16 16:00 | 2026-10-19 11:00 | 4.0  | across a weekend: Fri 16-18 + Mon 09-11",
        "2026-10-17 10:00 | 2026-10-19 09:30 | 0.5  | opened on Saturday: Mon 09:00-09:30",
        "2026-10-17 10:00 | 2026-10-18 16:00 | 0.0  | Saturday to Sunday",
        "2026-10-12 09:00 | 2026-10-19 09:00 | 45.0 | a full week: 5 days x 9 h",
        "2026-10-15 11:00 | 2026-10-16 17:00 | 15.0 | Thu 11-18 (7) + Fri 09-17 (8)",
        "2026-10-20 10:00 | 2026-10-21 10:00:01 | 9.000277777777777 | Tue 10-18 (8) + Wed 09:00-10:00:01 (1 h 1 s)",
        "2026-10-14 08:00 | 2026-10-15 08:00 | 9.0  | Wed 09-18 only; Thu ends before opening"
      })
  void standardCalendarCountsMondayToFridayNineToSix(
      String from, String to, double hours, String why) {
    assertEquals(hours, STANDARD.hoursBetween(shanghai(from), shanghai(to)), EXACT, why);
  }

  @Test
  void holidaysDoNotCount() {
    // Golden Week 2026: Thu 1 - Wed 7 October; Sat 3 and Sun 4 are weekend days anyway.
    BusinessCalendar goldenWeek =
        new BusinessCalendar(
            ZoneId.of("Asia/Shanghai"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0),
            LocalTime.of(18, 0),
            Set.of(
                LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-02"),
                LocalDate.parse("2026-10-05"),
                LocalDate.parse("2026-10-06"),
                LocalDate.parse("2026-10-07")));
    // Wed 30 Sep 17:00-18:00 (1) + Thu 8 Oct 09:00-10:00 (1); the standard calendar adds Oct 1, 2,
    // 5, 6, 7 (5 x 9).
    Instant from = shanghai("2026-09-30 17:00");
    Instant to = shanghai("2026-10-08 10:00");
    assertEquals(2.0, goldenWeek.hoursBetween(from, to), EXACT);
    assertEquals(47.0, STANDARD.hoursBetween(from, to), EXACT);
    // A ticket opened and answered on a holiday waits no business time at all.
    assertEquals(
        0.0,
        goldenWeek.hoursBetween(shanghai("2026-10-06 10:00"), shanghai("2026-10-06 16:00")),
        EXACT);
  }

  @Test
  void theCalendarZoneDecidesWhichHoursAreWorkingHours() {
    // Mon 5 Oct 2026 00:00Z-12:00Z is 08:00-20:00 in Shanghai (UTC+8): 09-18 = 9 h;
    // 02:00-14:00 in Berlin (UTC+2, summer time): 09-14 = 5 h;
    // Sun 20:00 - Mon 08:00 in New York (UTC-4): 0 h.
    Instant from = Instant.parse("2026-10-05T00:00:00Z");
    Instant to = Instant.parse("2026-10-05T12:00:00Z");
    assertEquals(9.0, STANDARD.hoursBetween(from, to), EXACT);
    assertEquals(5.0, inZone("Europe/Berlin").hoursBetween(from, to), EXACT);
    assertEquals(0.0, inZone("America/New_York").hoursBetween(from, to), EXACT);
  }

  @Test
  void openingHoursFollowTheClockAcrossADaylightSavingChange() {
    // Berlin leaves summer time on Sun 25 Oct 2026. Fri 23 Oct 17:00 CEST = 15:00Z; Mon 26 Oct
    // 09:30 CET = 08:30Z.
    // Fri 17-18 (1) + Mon 09:00-09:30 (0.5) = 1.5 h; 64.5 h of wall-clock time, 65.5 h of instants.
    BusinessCalendar berlin = inZone("Europe/Berlin");
    assertEquals(
        1.5,
        berlin.hoursBetween(
            Instant.parse("2026-10-23T15:00:00Z"), Instant.parse("2026-10-26T08:30:00Z")),
        EXACT);
    // Mon 26 Oct 09:00-18:00 CET is 08:00Z-17:00Z: a query in UTC instants must see the whole 9 h
    // day.
    assertEquals(
        9.0,
        berlin.hoursBetween(
            Instant.parse("2026-10-26T07:00:00Z"), Instant.parse("2026-10-26T18:00:00Z")),
        EXACT);
  }

  @Test
  void missingOrReversedInstantsHaveNoDuration() {
    Instant a = shanghai("2026-10-12 10:00");
    Instant b = shanghai("2026-10-12 11:00");
    assertNull(
        STANDARD.hoursBetween(b, a),
        "a reply before creation is a data error, not a negative wait");
    assertNull(STANDARD.hoursBetween(null, a));
    assertNull(STANDARD.hoursBetween(a, null));
    assertEquals(0.0, STANDARD.hoursBetween(a, a), EXACT);
  }

  @Test
  void readsACalendarFile() throws Exception {
    Path dir = TestSpark.tempDir("calendar");
    Path file = dir.resolve("calendar.json");
    Files.writeString(
        file,
        """
        {"timezone": "Europe/Berlin", "working_days": ["MON", "TUE", "WED", "THU", "SAT"],
         "start": "08:30", "end": "17:00", "holidays": ["2026-10-03"]}""");
    BusinessCalendar calendar = BusinessCalendar.fromFile(file);
    assertEquals(ZoneId.of("Europe/Berlin"), calendar.zone());
    assertEquals(
        EnumSet.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.SATURDAY),
        calendar.workingDays());
    assertEquals(LocalTime.of(8, 30), calendar.start());
    assertEquals(LocalTime.of(17, 0), calendar.end());
    assertEquals(Set.of(LocalDate.parse("2026-10-03")), calendar.holidays());
    // Fri 9 Oct is not a working day, Sat 10 Oct is: 08:30-17:00 = 8.5 h (Berlin, UTC+2 ->
    // 06:30Z-15:00Z).
    assertEquals(
        8.5,
        calendar.hoursBetween(
            Instant.parse("2026-10-09T00:00:00Z"), Instant.parse("2026-10-10T20:00:00Z")),
        EXACT);

    Files.writeString(file, "{\"timezone\": \"UTC\"}");
    BusinessCalendar defaults = BusinessCalendar.fromFile(file);
    assertEquals(ZoneId.of("UTC"), defaults.zone());
    assertEquals(STANDARD.workingDays(), defaults.workingDays());
    assertEquals(STANDARD.start(), defaults.start());
    assertEquals(STANDARD.end(), defaults.end());
  }

  @Test
  void rejectsAnInvalidCalendarFile() throws Exception {
    Path file = TestSpark.tempDir("calendar").resolve("calendar.json");
    Files.writeString(file, "{\"start\": \"18:00\", \"end\": \"09:00\"}");
    assertThrows(UserError.class, () -> BusinessCalendar.fromFile(file));
    Files.writeString(file, "{\"timezone\": \"Mars/Olympus\"}");
    assertThrows(UserError.class, () -> BusinessCalendar.fromFile(file));
    Files.writeString(file, "{not json");
    assertThrows(UserError.class, () -> BusinessCalendar.fromFile(file));
  }

  private static BusinessCalendar inZone(String zone) {
    return new BusinessCalendar(
        ZoneId.of(zone),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0),
        LocalTime.of(18, 0),
        Set.of());
  }
}
