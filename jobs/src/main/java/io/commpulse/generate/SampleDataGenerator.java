package io.commpulse.generate;

import io.commpulse.schema.SchemaCatalog;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one month of every landing source for a sample company, deterministic for a seed and the
 * month. Scale 1 is a 10,000-employee company; sizes scale linearly. Column order comes from the
 * landing contracts, so the files always match schemas/. Each source has its own class and random
 * stream per month; {@link SampleMonth} holds what they share and {@link CompanyHistory} how the
 * company changes from month to month. A month's files also carry the previous month's records
 * completed after that month's export, drawn again from the previous month (docs/sample-data.md).
 */
public final class SampleDataGenerator {
  private final SchemaCatalog catalog;
  private final YearMonth month;
  private final double scale;
  private final long seed;
  private final double dirtyRate;
  private final Path out;

  public SampleDataGenerator(
      SchemaCatalog catalog, YearMonth month, double scale, long seed, double dirtyRate, Path out) {
    this.catalog = catalog;
    this.month = month;
    this.scale = scale;
    this.seed = seed;
    this.dirtyRate = dirtyRate;
    this.out = out;
  }

  /** Writes all sources; returns the number of landing records written per source. */
  public Map<String, Long> generateAll() {
    return generate(Set.of());
  }

  /**
   * Writes the named sources (all when empty); returns the number of landing records written per
   * source. A source's records are the same whichever others are written with it.
   */
  public Map<String, Long> generate(Set<String> sources) {
    catalog.requireNames("landing", sources, "source");
    SampleMonth m = new SampleMonth(catalog, month, scale, seed, dirtyRate, out, sources);
    List<Employee> employees = new Roster(m).write();
    if (m.wanted("decisions") || m.wanted("acknowledgements")) {
      new Decisions(m).write(employees);
    }
    Map<String, Runnable> steps = new LinkedHashMap<>();
    steps.put("survey_responses", () -> new SurveyResponses(m).write(employees));
    steps.put("tickets", () -> new Tickets(m).write());
    steps.put("social_comments", () -> new SocialComments(m).write());
    steps.put("comm_log", () -> new CommLog(m).write());
    steps.put("channel_experiments", () -> new ChannelExperiments(m).write());
    steps.put("followups", () -> new Followups(m).write());
    steps.put("suggestions", () -> new Suggestions(m).write());
    steps.forEach(
        (source, step) -> {
          if (m.wanted(source)) {
            step.run();
          }
        });
    return m.rowsWritten();
  }
}
