package io.commpulse.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The employee roster: {@code landing.roster}, and the employees the other sources draw from. */
final class Roster {
  private final SampleMonth m;
  private final YearMonth month;

  Roster(SampleMonth m) {
    this.m = m;
    this.month = m.month();
  }

  /** Writes the month's roster; returns its employees. */
  List<Employee> write() {
    List<Employee> employees = draw();
    try (SourceWriter w = m.writer("roster", "roster.csv")) {
      for (Employee e : employees) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("employee_id", e.id());
        row.put("email", e.id().toLowerCase() + "@staff.example.com");
        row.put("department", e.department().code());
        row.put("department_name_zh", e.department().nameZh());
        row.put("department_name_en", e.department().nameEn());
        row.put("hire_date", e.hired().toString());
        row.put("leave_date", e.left() == null ? null : e.left().toString());
        w.write(row);
      }
    }
    return employees;
  }

  /** The month's employees, without writing them. */
  List<Employee> draw() {
    SplittableRandom rnd = m.random("roster");
    int headcount = m.count(10_000, 60);
    List<Employee> employees = new ArrayList<>();
    for (int i = 1; i <= headcount; i++) {
      Department dept = departmentFor(i, headcount);
      LocalDate hired = month.atDay(1).minusDays(30 + rnd.nextInt(3650));
      if (rnd.nextDouble() < 0.02) {
        hired = month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
      }
      LocalDate left =
          rnd.nextDouble() < 0.015 ? month.atDay(1 + rnd.nextInt(month.lengthOfMonth())) : null;
      employees.add(new Employee(String.format("E%06d", i), dept, hired, left));
    }
    return employees;
  }

  /** Deterministic department quotas, so small scales still have every department. */
  private static Department departmentFor(int index, int headcount) {
    double position = (index - 0.5) / headcount;
    double cumulative = 0;
    for (Department d : Department.ALL) {
      cumulative += d.share();
      if (position < cumulative) {
        return d;
      }
    }
    return Department.ALL.get(Department.ALL.size() - 1);
  }
}
