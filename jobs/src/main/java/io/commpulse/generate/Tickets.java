package io.commpulse.generate;

import static io.commpulse.generate.Draws.gaussian;
import static io.commpulse.generate.Draws.logNormal;
import static io.commpulse.generate.Draws.weighted;
import static io.commpulse.generate.SampleMonth.knownBy;
import static io.commpulse.generate.SampleMonth.latest;
import static io.commpulse.generate.SampleMonth.local;
import static io.commpulse.generate.SampleMonth.plusHours;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Customer tickets with their replies and resolution: {@code landing.tickets}. The month's file
 * also carries the tickets of the previous month whose first human reply came after that month's
 * export, exported again with the reply.
 */
final class Tickets {
  private static final List<String> TICKET_CHANNELS =
      List.of("phone", "online_chat", "email", "wecom", "dingtalk", "web");
  private static final double[] CHANNEL_WEIGHTS = {0.18, 0.30, 0.14, 0.18, 0.08, 0.12};
  private static final double[] CHANNEL_MEDIAN_HOURS = {0.4, 0.8, 16, 3, 4, 9};
  private static final double[] CHANNEL_BOT_SHARE = {0.0, 0.6, 0.0, 0.2, 0.1, 0.4};
  static final List<String> CATEGORIES =
      List.of("product_suggestion", "service_complaint", "technical_support");
  private static final double[] CATEGORY_WEIGHTS = {0.2, 0.35, 0.45};
  private static final double[] PRIORITY_FACTOR = {0.4, 0.7, 1.0, 1.6};

  /** Share of chatbot-first tickets the bot resolves alone, per category. */
  private static final double[] BOT_RESOLVES = {0.35, 0.15, 0.45};

  /**
   * The bot's CSAT per category: fine for suggestions and technical questions, poor for complaints.
   */
  private static final double[] BOT_CSAT_LATENT = {4.0, 2.6, 3.9};

  /**
   * One ticket with everything that ever happens to it, whether or not an export has seen it yet.
   */
  private record Ticket(
      String id,
      int channel,
      int category,
      int priority,
      LocalDateTime created,
      boolean bot,
      LocalDateTime first,
      LocalDateTime human,
      LocalDateTime resolved,
      int reopened,
      String customer,
      Integer csat,
      boolean exportedWhileOpen) {}

  private final SampleMonth m;

  Tickets(SampleMonth m) {
    this.m = m;
  }

  void write() {
    try (SourceWriter w = m.writer("tickets", "tickets.csv")) {
      draw(
          m,
          t -> {
            Map<String, String> row = row(t, m.end());
            if (t.exportedWhileOpen() && row.get("resolved_at") != null) {
              // Exported once while still open and again after resolution: silver keeps the later.
              Map<String, String> earlier = new LinkedHashMap<>(row);
              earlier.put("resolved_at", null);
              earlier.put("csat", null);
              earlier.put(
                  "updated_at",
                  local(
                      latest(
                          t.created(), knownBy(t.first(), m.end()), knownBy(t.human(), m.end()))));
              w.write(earlier);
            }
            w.write(row);
          });
      SampleMonth previous = m.previous();
      draw(
          previous,
          t -> {
            if (previous.completedNextMonth(t.human())) {
              w.write(row(t, m.end()));
            }
          });
    }
  }

  /** The ticket as an export taken at {@code cutoff} shows it. */
  private static Map<String, String> row(Ticket t, LocalDateTime cutoff) {
    LocalDateTime first = knownBy(t.first(), cutoff);
    LocalDateTime human = knownBy(t.human(), cutoff);
    LocalDateTime resolved = knownBy(t.resolved(), cutoff);
    Integer csat = resolved == null ? null : t.csat();
    Map<String, String> row = new LinkedHashMap<>();
    row.put("ticket_id", t.id());
    row.put("channel", TICKET_CHANNELS.get(t.channel()));
    row.put("category", CATEGORIES.get(t.category()));
    row.put("priority", "P" + (t.priority() + 1));
    row.put("created_at", local(t.created()));
    row.put("first_reply_at", local(first));
    row.put("first_reply_by_bot", first == null ? null : String.valueOf(t.bot()));
    row.put("first_human_reply_at", local(human));
    row.put("resolved_at", local(resolved));
    row.put("reopened_count", String.valueOf(t.reopened()));
    row.put("customer_id", t.customer());
    row.put("csat", csat == null ? null : csat.toString());
    row.put("updated_at", local(latest(t.created(), first, human, resolved)));
    return row;
  }

  /** Every ticket opened in the month {@code mm}, in order. */
  private static void draw(SampleMonth mm, Consumer<Ticket> sink) {
    SplittableRandom rnd = mm.random("tickets");
    SplittableRandom botRnd = mm.random("tickets_bot");
    int n = mm.customerCount(1_000_000, 500);
    String prefix = "T" + (mm.month().getYear() * 100 + mm.month().getMonthValue());
    for (int i = 1; i <= n; i++) {
      int channel = weighted(rnd, CHANNEL_WEIGHTS);
      int category = weighted(rnd, CATEGORY_WEIGHTS);
      int priority = weighted(rnd, new double[] {0.05, 0.2, 0.5, 0.25});
      LocalDateTime created = mm.daytimeMoment(rnd);
      boolean bot = rnd.nextDouble() < CHANNEL_BOT_SHARE[channel];
      boolean answered = rnd.nextDouble() >= 0.03;
      double humanHours =
          logNormal(
                  rnd,
                  CHANNEL_MEDIAN_HOURS[channel]
                      * PRIORITY_FACTOR[priority]
                      * (category == 1 ? 0.8 : 1.0),
                  1.25)
              * load(created);
      LocalDateTime human = answered ? plusHours(created, humanHours) : null;
      LocalDateTime first = bot ? created.plusSeconds(20 + rnd.nextInt(100)) : human;
      LocalDateTime resolved =
          human != null && rnd.nextDouble() < 0.9
              ? plusHours(human, logNormal(rnd, 18, 1.3))
              : null;
      int reopened = rnd.nextDouble() < 0.85 ? 0 : (rnd.nextDouble() < 0.8 ? 1 : 2);
      Integer csat = resolved != null && rnd.nextDouble() < 0.4 ? csat(rnd, humanHours, bot) : null;
      if (bot && botRnd.nextDouble() < BOT_RESOLVES[category]) {
        // The chatbot settled it: no human ever replied. Drawn from its own stream so that the
        // other tickets stay as they were.
        human = null;
        resolved = plusHours(first, logNormal(botRnd, 0.2, 1.0));
        csat = botRnd.nextDouble() < 0.4 ? botCsat(botRnd, category) : null;
      }
      String customer = String.format("C%07d", 1 + rnd.nextInt(Math.max(100, n / 3)));
      boolean exportedWhileOpen = resolved != null && rnd.nextDouble() < 0.02;
      sink.accept(
          new Ticket(
              prefix + String.format("%07d", i),
              channel,
              category,
              priority,
              created,
              bot,
              first,
              human,
              resolved,
              reopened,
              customer,
              csat,
              exportedWhileOpen));
    }
  }

  /**
   * How much slower than usual the service desk answers a ticket opened then: busy days stretch the
   * queue, the workbench outage most of all.
   */
  private static double load(LocalDateTime created) {
    double busy = Math.sqrt(CompanyHistory.customerDayWeight(created.toLocalDate()));
    return CompanyHistory.inOutage(created)
        ? busy * CompanyHistory.OUTAGE_TICKET_REPLY_FACTOR
        : busy;
  }

  private static int csat(SplittableRandom rnd, double replyHours, boolean bot) {
    double latent = 4.3 - 0.35 * Math.log1p(replyHours) - (bot ? 0.3 : 0) + gaussian(rnd) * 0.9;
    return (int) Math.max(1, Math.min(5, Math.round(latent)));
  }

  private static int botCsat(SplittableRandom rnd, int category) {
    return (int)
        Math.max(1, Math.min(5, Math.round(BOT_CSAT_LATENT[category] + gaussian(rnd) * 0.9)));
  }
}
