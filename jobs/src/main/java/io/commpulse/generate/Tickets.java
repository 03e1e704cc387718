package io.commpulse.generate;

import static io.commpulse.generate.Draws.gaussian;
import static io.commpulse.generate.Draws.logNormal;
import static io.commpulse.generate.Draws.weighted;
import static io.commpulse.generate.SampleMonth.latest;
import static io.commpulse.generate.SampleMonth.local;
import static io.commpulse.generate.SampleMonth.plusHours;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Customer tickets with their replies and resolution: {@code landing.tickets}. */
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

  private final SampleMonth m;
  private final YearMonth month;

  Tickets(SampleMonth m) {
    this.m = m;
    this.month = m.month();
  }

  void write() {
    SplittableRandom rnd = m.random("tickets");
    SplittableRandom botRnd = m.random("tickets_bot");
    int n = m.count(1_000_000, 500);
    try (SourceWriter w = m.writer("tickets", "tickets.csv")) {
      for (int i = 1; i <= n; i++) {
        int channel = weighted(rnd, CHANNEL_WEIGHTS);
        int category = weighted(rnd, CATEGORY_WEIGHTS);
        int priority = weighted(rnd, new double[] {0.05, 0.2, 0.5, 0.25});
        LocalDateTime created = m.daytimeMoment(rnd);
        boolean bot = rnd.nextDouble() < CHANNEL_BOT_SHARE[channel];
        boolean answered = rnd.nextDouble() >= 0.03;
        double humanHours =
            logNormal(
                rnd,
                CHANNEL_MEDIAN_HOURS[channel]
                    * PRIORITY_FACTOR[priority]
                    * (category == 1 ? 0.8 : 1.0),
                1.25);
        LocalDateTime human = answered ? plusHours(created, humanHours) : null;
        LocalDateTime first = bot ? created.plusSeconds(20 + rnd.nextInt(100)) : human;
        LocalDateTime resolved =
            human != null && rnd.nextDouble() < 0.9
                ? plusHours(human, logNormal(rnd, 18, 1.3))
                : null;
        int reopened = rnd.nextDouble() < 0.85 ? 0 : (rnd.nextDouble() < 0.8 ? 1 : 2);
        Integer csat =
            resolved != null && rnd.nextDouble() < 0.4 ? csat(rnd, humanHours, bot) : null;
        if (bot && botRnd.nextDouble() < BOT_RESOLVES[category]) {
          // The chatbot settled it: no human ever replied. Drawn from its own stream so that the
          // other
          // tickets stay as they were.
          human = null;
          resolved = plusHours(first, logNormal(botRnd, 0.2, 1.0));
          csat = botRnd.nextDouble() < 0.4 ? botCsat(botRnd, category) : null;
        }
        // Same draws as without the cut-off, so other tickets stay as they were.
        LocalDateTime drawnResolved = resolved;
        human = m.known(human);
        first = m.known(first);
        resolved = m.known(resolved);
        if (resolved == null) {
          csat = null;
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put(
            "ticket_id",
            "T" + (month.getYear() * 100 + month.getMonthValue()) + String.format("%07d", i));
        row.put("channel", TICKET_CHANNELS.get(channel));
        row.put("category", CATEGORIES.get(category));
        row.put("priority", "P" + (priority + 1));
        row.put("created_at", local(created));
        row.put("first_reply_at", local(first));
        row.put("first_reply_by_bot", first == null ? null : String.valueOf(bot));
        row.put("first_human_reply_at", local(human));
        row.put("resolved_at", local(resolved));
        row.put("reopened_count", String.valueOf(reopened));
        row.put("customer_id", String.format("C%07d", 1 + rnd.nextInt(Math.max(100, n / 3))));
        row.put("csat", csat == null ? null : csat.toString());
        LocalDateTime updated = latest(created, first, human, resolved);
        row.put("updated_at", local(updated));
        if (drawnResolved != null && rnd.nextDouble() < 0.02 && resolved != null) {
          // Exported once while still open and again after resolution: silver keeps the later one.
          Map<String, String> earlier = new LinkedHashMap<>(row);
          earlier.put("resolved_at", null);
          earlier.put("csat", null);
          earlier.put("updated_at", local(latest(created, first, human, null)));
          w.write(earlier, rnd);
        }
        w.write(row, rnd);
      }
    }
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
