package io.commpulse.generate;

import java.time.LocalDate;

/** One employee of the roster: the sources that concern staff draw from these. */
record Employee(String id, Department department, LocalDate hired, LocalDate left) {
  boolean activeOn(LocalDate day) {
    return !hired.isAfter(day) && (left == null || !left.isBefore(day));
  }
}
