package io.commpulse.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commpulse.errors.UserError;
import io.commpulse.metrics.Hours;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Working time of a service team: which days and hours count, in which time zone, minus holidays.
 * Default: Monday to Friday, 09:00-18:00, Asia/Shanghai, no holidays.
 */
public record BusinessCalendar(
    ZoneId zone,
    Set<DayOfWeek> workingDays,
    LocalTime start,
    LocalTime end,
    Set<LocalDate> holidays)
    implements Serializable {

  public static BusinessCalendar standard() {
    return new BusinessCalendar(
        ZoneId.of("Asia/Shanghai"),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0),
        LocalTime.of(18, 0),
        Set.of());
  }

  /**
   * Reads a calendar file: {@code {"timezone": "Asia/Shanghai", "working_days": ["MON", ...],
   * "start": "09:00", "end": "18:00", "holidays": ["2026-10-01", ...]}}; omitted fields keep the
   * default.
   */
  public static BusinessCalendar fromFile(Path file) {
    BusinessCalendar standard = standard();
    try {
      JsonNode json = new ObjectMapper().readTree(Files.readString(file));
      ZoneId zone =
          json.has("timezone") ? ZoneId.of(json.get("timezone").asText()) : standard.zone();
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      json.path("working_days").forEach(d -> days.add(dayOf(d.asText())));
      Set<LocalDate> holidays = new HashSet<>();
      json.path("holidays").forEach(d -> holidays.add(LocalDate.parse(d.asText())));
      LocalTime start =
          json.has("start") ? LocalTime.parse(json.get("start").asText()) : standard.start();
      LocalTime end = json.has("end") ? LocalTime.parse(json.get("end").asText()) : standard.end();
      if (!end.isAfter(start)) {
        throw new UserError("calendar " + file + ": end " + end + " must be after start " + start);
      }
      return new BusinessCalendar(
          zone, days.isEmpty() ? standard.workingDays() : days, start, end, Set.copyOf(holidays));
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserError u) {
        throw u;
      }
      throw new UserError("calendar file " + file + " is not valid: " + e.getMessage());
    }
  }

  private static DayOfWeek dayOf(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().startsWith(name.toUpperCase())) {
        return day;
      }
    }
    throw new IllegalArgumentException("unknown working day '" + name + "'");
  }

  /**
   * Working hours elapsed between two instants; null when either is missing or {@code to} is before
   * {@code from}.
   */
  public Double hoursBetween(Instant from, Instant to) {
    if (from == null || to == null || to.isBefore(from)) {
      return null;
    }
    ZonedDateTime localFrom = from.atZone(zone);
    LocalDate lastDay = to.atZone(zone).toLocalDate();
    long seconds = 0;
    for (LocalDate day = localFrom.toLocalDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
      if (!workingDays.contains(day.getDayOfWeek()) || holidays.contains(day)) {
        continue;
      }
      Instant open = day.atTime(start).atZone(zone).toInstant();
      Instant close = day.atTime(end).atZone(zone).toInstant();
      Instant a = from.isAfter(open) ? from : open;
      Instant b = to.isBefore(close) ? to : close;
      if (b.isAfter(a)) {
        seconds += Duration.between(a, b).getSeconds();
      }
    }
    return Hours.ofSeconds(seconds);
  }
}
