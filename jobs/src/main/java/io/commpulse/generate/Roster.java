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

  List<Employee> write() {
    SplittableRandom rnd = m.random("roster");
    int headcount = m.count(10_000, 60);
    List<Employee> employees = new ArrayList<>();
    try (SourceWriter w = m.writer("roster", "roster.csv")) {
      for (int i = 1; i <= headcount; i++) {
        Department dept = departmentFor(i, headcount);
        LocalDate hired = month.atDay(1).minusDays(30 + rnd.nextInt(3650));
        if (rnd.nextDouble() < 0.02) {
          hired = month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
        }
        LocalDate left =
            rnd.nextDouble() < 0.015 ? month.atDay(1 + rnd.nextInt(month.lengthOfMonth())) : null;
        String id = String.format("E%06d", i);
        employees.add(new Employee(id, dept, hired, left));
        Map<String, String> row = new LinkedHashMap<>();
        row.put("employee_id", id);
        row.put("email", id.toLowerCase() + "@staff.example.com");
        row.put("department", dept.code());
        row.put("department_name_zh", dept.nameZh());
        row.put("department_name_en", dept.nameEn());
        row.put("hire_date", hired.toString());
        row.put("leave_date", left == null ? null : left.toString());
        w.write(row, rnd);
      }
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
