package io.commpulse.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commpulse.schema.ColumnSpec;
import io.commpulse.schema.ColumnType;
import io.commpulse.schema.SchemaCatalog;
import io.commpulse.schema.TableContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes one month of every landing source for a sample company, deterministic for a seed.
 * Scale 1 is a 10,000-employee company; sizes scale linearly. Column order comes from the
 * landing contracts, so the files always match schemas/.
 */
public final class SampleDataGenerator {
  static final ZoneId COMPANY_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int DECISIONS_PER_MONTH = 20;
  /** The decision that misses the coverage target, hardest in Sales. */
  static final int LOW_COVERAGE_DECISION = 7;

  private final SchemaCatalog catalog;
  private final YearMonth month;
  private final double scale;
  private final long seed;
  private final double dirtyRate;
  private final Path out;
  private final Map<String, Long> rowsWritten = new TreeMap<>();
  private Set<String> only = Set.of();

  public SampleDataGenerator(SchemaCatalog catalog, YearMonth month, double scale, long seed, double dirtyRate,
      Path out) {
    this.catalog = catalog;
    this.month = month;
    this.scale = scale;
    this.seed = seed;
    this.dirtyRate = dirtyRate;
    this.out = out;
  }

  private record Employee(String id, Department department, LocalDate hired, LocalDate left) {
    boolean activeOn(LocalDate day) {
      return !hired.isAfter(day) && (left == null || !left.isBefore(day));
    }
  }

  /** Writes all sources; returns the number of landing records written per source. */
  public Map<String, Long> generateAll() {
    return generate(Set.of());
  }

  /**
   * Writes the named sources (all when empty); returns the number of landing records written per source.
   * A source's records are the same whichever others are written with it.
   */
  public Map<String, Long> generate(Set<String> sources) {
    catalog.requireNames("landing", sources, "source");
    only = sources;
    List<Employee> employees = roster();
    if (wanted("decisions") || wanted("acknowledgements")) {
      decisionsAndAcknowledgements(employees);
    }
    Map<String, Runnable> steps = new LinkedHashMap<>();
    steps.put("survey_responses", () -> surveyResponses(employees));
    steps.put("tickets", this::tickets);
    steps.put("social_comments", this::socialComments);
    steps.put("comm_log", this::commLog);
    steps.put("channel_experiments", this::channelExperiments);
    steps.put("followups", this::followups);
    steps.put("suggestions", this::suggestions);
    steps.forEach((source, step) -> {
      if (wanted(source)) {
        step.run();
      }
    });
    return rowsWritten;
  }

  private boolean wanted(String source) {
    return only.isEmpty() || only.contains(source);
  }

  private int count(double atScaleOne, int minimum) {
    return (int) Math.max(minimum, Math.round(atScaleOne * scale));
  }

  private SplittableRandom random(String source) {
    return new SplittableRandom(seed * 1_000_003L + source.hashCode());
  }

  private LocalDateTime randomMoment(SplittableRandom rnd, int lastDay) {
    return month.atDay(1 + rnd.nextInt(lastDay)).atStartOfDay().plusSeconds(rnd.nextLong(86_400));
  }

  /** Customers mostly write during the day: 85% between 08:00 and 21:00 local time. */
  private LocalDateTime daytimeMoment(SplittableRandom rnd) {
    long second = rnd.nextDouble() < 0.85 ? 8 * 3600 + rnd.nextLong(13 * 3600) : rnd.nextLong(86_400);
    return month.atDay(1 + rnd.nextInt(month.lengthOfMonth())).atStartOfDay().plusSeconds(second);
  }

  /**
   * Every export of the month is taken when the month is over (company time): events after that
   * are not in the files yet, so a month that has just ended carries no future timestamps.
   */
  private LocalDateTime known(LocalDateTime t) {
    return t == null || t.isBefore(month.plusMonths(1).atDay(1).atStartOfDay()) ? t : null;
  }

  private static String local(LocalDateTime t) {
    return t == null ? null : LOCAL.format(t);
  }

  /** Log-normal with the given median: reply times are heavy-tailed. */
  private static double logNormal(SplittableRandom rnd, double median, double sigma) {
    return median * Math.exp(sigma * gaussian(rnd));
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = 1.0 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  private static LocalDateTime plusHours(LocalDateTime t, double hours) {
    return t.plusSeconds(Math.round(hours * 3600));
  }

  private static <T> T pick(SplittableRandom rnd, List<T> values) {
    return values.get(rnd.nextInt(values.size()));
  }

  // ---- roster ------------------------------------------------------------------------------

  private List<Employee> roster() {
    SplittableRandom rnd = random("roster");
    int headcount = count(10_000, 60);
    List<Employee> employees = new ArrayList<>();
    try (SourceWriter w = writer("roster", "roster.csv")) {
      for (int i = 1; i <= headcount; i++) {
        Department dept = departmentFor(i, headcount);
        LocalDate hired = month.atDay(1).minusDays(30 + rnd.nextInt(3650));
        if (rnd.nextDouble() < 0.02) {
          hired = month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
        }
        LocalDate left = rnd.nextDouble() < 0.015 ? month.atDay(1 + rnd.nextInt(month.lengthOfMonth())) : null;
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

  // ---- decisions and acknowledgements ------------------------------------------------------

  private static final List<String> CHANNELS_ACK =
      List.of("email", "wecom", "dingtalk", "intranet", "all_hands", "manager_briefing");
  private static final String[][] DECISION_TITLES = {
      {"年度预算调整", "Annual budget adjustment"}, {"新报销流程上线", "New expense process goes live"},
      {"办公室搬迁通知", "Office relocation notice"}, {"信息安全培训要求", "Information-security training required"},
      {"客户服务标准更新", "Customer-service standard updated"}, {"季度目标发布", "Quarterly objectives published"},
      {"销售提成方案变更", "Sales commission plan changes"}, {"新产品发布计划", "New product launch plan"},
      {"远程办公政策", "Remote-work policy"}, {"绩效考核周期调整", "Performance-review cycle change"}};

  private void decisionsAndAcknowledgements(List<Employee> employees) {
    SplittableRandom rnd = random("decisions");
    List<LocalDateTime> published = new ArrayList<>();
    List<List<String>> channels = new ArrayList<>();
    try (SourceWriter w = writer("decisions", "decisions.csv")) {
      for (int d = 1; d <= DECISIONS_PER_MONTH; d++) {
        LocalDateTime at = month.atDay(1 + rnd.nextInt(Math.min(25, month.lengthOfMonth()))).atTime(9, 0)
            .plusMinutes(rnd.nextInt(8 * 60));
        List<String> used = new ArrayList<>(List.of("email"));
        for (String c : CHANNELS_ACK.subList(1, CHANNELS_ACK.size())) {
          if (rnd.nextDouble() < (d == LOW_COVERAGE_DECISION ? 0.1 : 0.45)) {
            used.add(c);
          }
        }
        published.add(at);
        channels.add(used);
        String[] title = DECISION_TITLES[(d - 1) % DECISION_TITLES.length];
        Map<String, String> row = new LinkedHashMap<>();
        row.put("decision_id", decisionId(d));
        row.put("title_zh", title[0] + (d > DECISION_TITLES.length ? "（二）" : ""));
        row.put("title_en", title[1] + (d > DECISION_TITLES.length ? " (part 2)" : ""));
        row.put("owner_department", Department.ALL.get(d % Department.ALL.size()).code());
        row.put("published_at", local(at));
        row.put("channels", String.join(";", used));
        w.write(row, rnd);
      }
    }
    SplittableRandom ack = random("acknowledgements");
    try (SourceWriter w = writer("acknowledgements", "acknowledgements.csv")) {
      for (int d = 1; d <= DECISIONS_PER_MONTH; d++) {
        LocalDateTime at = published.get(d - 1);
        for (Employee e : employees) {
          if (!e.activeOn(at.toLocalDate())) {
            continue;
          }
          if (ack.nextDouble() >= awareness(d, e.department())) {
            continue;
          }
          LocalDateTime aware = plusHours(at, logNormal(ack, 5, 1.1));
          LocalDateTime acknowledged = ack.nextDouble() < 0.8 ? plusHours(aware, logNormal(ack, 2, 1.0)) : null;
          String channel = pick(ack, channels.get(d - 1));
          if (known(aware) == null) {
            continue;
          }
          Map<String, String> row = new LinkedHashMap<>();
          row.put("decision_id", decisionId(d));
          row.put("employee_id", e.id());
          row.put("aware_at", local(aware));
          row.put("acknowledged_at", local(known(acknowledged)));
          row.put("channel", channel);
          w.write(row, ack);
        }
      }
    }
  }

  private String decisionId(int d) {
    return String.format("D%s-%02d", month, d);
  }

  private static double awareness(int decision, Department dept) {
    if (decision == LOW_COVERAGE_DECISION) {
      return dept.code().equals("SALES") ? 0.81 : 0.925;
    }
    return 0.985 - (dept.code().equals("OPS") ? 0.015 : 0.0);
  }

  // ---- survey ------------------------------------------------------------------------------

  static final List<String> QUESTIONS = List.of("conv_channels", "conv_find", "time_decisions", "time_changes",
      "clear_language", "clear_actions", "feedback_heard", "overall");
  private static final double[] QUESTION_MEANS = {3.9, 3.5, 3.4, 3.1, 3.8, 3.3, 3.0, 3.5};

  private void surveyResponses(List<Employee> employees) {
    SplittableRandom rnd = random("survey_responses");
    try (SourceWriter w = writer("survey_responses", "survey_responses.csv")) {
      int token = 0;
      for (Employee e : employees) {
        if (rnd.nextDouble() >= e.department().surveyResponseRate()) {
          continue;
        }
        String responseId = String.format("R%s-%08x", month, (seed * 31 + ++token) * 2654435761L & 0xffffffffL);
        LocalDateTime submitted = randomMoment(rnd, Math.min(28, month.lengthOfMonth()));
        double person = gaussian(rnd) * 0.5;
        for (int q = 0; q < QUESTIONS.size(); q++) {
          double latent = QUESTION_MEANS[q] + e.department().satisfactionShift() + person + gaussian(rnd) * 0.8;
          Map<String, String> row = new LinkedHashMap<>();
          row.put("response_id", responseId);
          row.put("department", e.department().code());
          row.put("question_id", QUESTIONS.get(q));
          row.put("answer", String.valueOf(Math.max(1, Math.min(5, Math.round(latent)))));
          row.put("submitted_at", local(submitted));
          w.write(row, rnd);
        }
      }
    }
  }

  // ---- tickets -----------------------------------------------------------------------------

  private static final List<String> TICKET_CHANNELS = List.of("phone", "online_chat", "email", "wecom", "dingtalk", "web");
  private static final double[] CHANNEL_WEIGHTS = {0.18, 0.30, 0.14, 0.18, 0.08, 0.12};
  private static final double[] CHANNEL_MEDIAN_HOURS = {0.4, 0.8, 16, 3, 4, 9};
  private static final double[] CHANNEL_BOT_SHARE = {0.0, 0.6, 0.0, 0.2, 0.1, 0.4};
  private static final List<String> CATEGORIES = List.of("product_suggestion", "service_complaint", "technical_support");
  private static final double[] CATEGORY_WEIGHTS = {0.2, 0.35, 0.45};
  private static final double[] PRIORITY_FACTOR = {0.4, 0.7, 1.0, 1.6};
  /** Share of chatbot-first tickets the bot resolves alone, per category. */
  private static final double[] BOT_RESOLVES = {0.35, 0.15, 0.45};
  /** The bot's CSAT per category: fine for suggestions and technical questions, poor for complaints. */
  private static final double[] BOT_CSAT_LATENT = {4.0, 2.6, 3.9};

  private static int weighted(SplittableRandom rnd, double[] weights) {
    double x = rnd.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private void tickets() {
    SplittableRandom rnd = random("tickets");
    SplittableRandom botRnd = random("tickets_bot");
    int n = count(1_000_000, 500);
    try (SourceWriter w = writer("tickets", "tickets.csv")) {
      for (int i = 1; i <= n; i++) {
        int channel = weighted(rnd, CHANNEL_WEIGHTS);
        int category = weighted(rnd, CATEGORY_WEIGHTS);
        int priority = weighted(rnd, new double[] {0.05, 0.2, 0.5, 0.25});
        LocalDateTime created = daytimeMoment(rnd);
        boolean bot = rnd.nextDouble() < CHANNEL_BOT_SHARE[channel];
        boolean answered = rnd.nextDouble() >= 0.03;
        double humanHours = logNormal(rnd, CHANNEL_MEDIAN_HOURS[channel] * PRIORITY_FACTOR[priority]
            * (category == 1 ? 0.8 : 1.0), 1.25);
        LocalDateTime human = answered ? plusHours(created, humanHours) : null;
        LocalDateTime first = bot ? created.plusSeconds(20 + rnd.nextInt(100)) : human;
        LocalDateTime resolved = human != null && rnd.nextDouble() < 0.9
            ? plusHours(human, logNormal(rnd, 18, 1.3)) : null;
        int reopened = rnd.nextDouble() < 0.85 ? 0 : (rnd.nextDouble() < 0.8 ? 1 : 2);
        Integer csat = resolved != null && rnd.nextDouble() < 0.4 ? csat(rnd, humanHours, bot) : null;
        if (bot && botRnd.nextDouble() < BOT_RESOLVES[category]) {
          // The chatbot settled it: no human ever replied. Drawn from its own stream so that the other
          // tickets stay as they were.
          human = null;
          resolved = plusHours(first, logNormal(botRnd, 0.2, 1.0));
          csat = botRnd.nextDouble() < 0.4 ? botCsat(botRnd, category) : null;
        }
        // Same draws as without the cut-off, so other tickets stay as they were.
        LocalDateTime drawnResolved = resolved;
        human = known(human);
        first = known(first);
        resolved = known(resolved);
        if (resolved == null) {
          csat = null;
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ticket_id", "T" + (month.getYear() * 100 + month.getMonthValue()) + String.format("%07d", i));
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

  private static LocalDateTime latest(LocalDateTime... times) {
    LocalDateTime max = null;
    for (LocalDateTime t : times) {
      if (t != null && (max == null || t.isAfter(max))) {
        max = t;
      }
    }
    return max;
  }

  private static int csat(SplittableRandom rnd, double replyHours, boolean bot) {
    double latent = 4.3 - 0.35 * Math.log1p(replyHours) - (bot ? 0.3 : 0) + gaussian(rnd) * 0.9;
    return (int) Math.max(1, Math.min(5, Math.round(latent)));
  }

  private static int botCsat(SplittableRandom rnd, int category) {
    return (int) Math.max(1, Math.min(5, Math.round(BOT_CSAT_LATENT[category] + gaussian(rnd) * 0.9)));
  }

  // ---- social ------------------------------------------------------------------------------

  private static final List<String> PLATFORMS = List.of("weibo", "wechat", "douyin", "xiaohongshu");
  private static final double[] PLATFORM_REPLY_SHARE = {0.93, 0.97, 0.80, 0.90};
  private static final double[] PLATFORM_MEDIAN_HOURS = {3, 2, 8, 4};
  private static final List<String> COMMENT_TEXTS = List.of(
      "请问新品什么时候上市？", "客服一直没人回复，太失望了", "Great service, thanks!", "物流太慢了",
      "App keeps crashing after the update", "点赞！", "How do I reset my password?", "价格能便宜点吗");

  private void socialComments() {
    SplittableRandom rnd = random("social_comments");
    int total = count(500_000, 300);
    int inbound = (int) Math.round(total * 0.55);
    try (SourceWriter w = writer("social_comments", "social_comments.jsonl")) {
      for (int i = 1; i <= inbound; i++) {
        int platform = rnd.nextInt(PLATFORMS.size());
        String account = "official_" + PLATFORMS.get(platform);
        String sentiment = pick(rnd, List.of("negative", "neutral", "neutral", "positive", "positive"));
        LocalDateTime created = randomMoment(rnd, month.lengthOfMonth());
        String id = PLATFORMS.get(platform).charAt(0) + String.valueOf(month.getYear() * 100 + month.getMonthValue())
            + String.format("%08d", i);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("platform", PLATFORMS.get(platform));
        row.put("account", account);
        row.put("comment_id", id);
        row.put("parent_id", null);
        row.put("author", "@user" + (100_000 + rnd.nextInt(900_000)));
        row.put("is_official_reply", "false");
        row.put("created_at", utc(created));
        row.put("text", pick(rnd, COMMENT_TEXTS));
        row.put("sentiment", sentiment);
        w.write(row, rnd);
        if (rnd.nextDouble() < PLATFORM_REPLY_SHARE[platform]) {
          double hours = logNormal(rnd, PLATFORM_MEDIAN_HOURS[platform] * (sentiment.equals("negative") ? 0.6 : 1), 1.2);
          Map<String, String> reply = new LinkedHashMap<>();
          reply.put("platform", PLATFORMS.get(platform));
          reply.put("account", account);
          reply.put("comment_id", id + "r");
          reply.put("parent_id", id);
          reply.put("author", account);
          reply.put("is_official_reply", "true");
          LocalDateTime replied = plusHours(created, hours);
          if (known(replied) == null) {
            continue;
          }
          reply.put("created_at", utc(replied));
          reply.put("text", "感谢反馈，我们已私信您处理 / Thanks, we have sent you a message.");
          reply.put("sentiment", "neutral");
          w.write(reply, rnd);
        }
      }
    }
  }

  private static String utc(LocalDateTime companyLocal) {
    Instant instant = companyLocal.atZone(COMPANY_ZONE).toInstant();
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  // ---- internal communication log ----------------------------------------------------------

  private static final List<String> LOG_CHANNELS = List.of("email", "wecom", "dingtalk", "meeting", "phone", "document");
  private static final List<String> TOPICS = List.of("月度销售目标", "系统上线安排", "客户投诉处理", "报销流程, 新规定",
      "培训通知", "版本发布说明", "排班调整", "库存盘点");

  private void commLog() {
    SplittableRandom rnd = random("comm_log");
    int n = count(300_000, 400);
    try (SourceWriter w = writer("comm_log", "comm_log.csv")) {
      for (int i = 1; i <= n; i++) {
        w.write(commLogRow(rnd, i, "L"), rnd);
      }
    }
    if (dirtyRate > 0) {
      // A branch office still exports in the legacy Chinese code page.
      SplittableRandom gbk = random("comm_log_gbk");
      try (SourceWriter w = new SourceWriter("comm_log", "comm_log_branch_office.csv", Charset.forName("GBK"), 0)) {
        for (int i = 1; i <= 10; i++) {
          w.write(commLogRow(gbk, i, "LB"), gbk);
        }
      }
    }
  }

  private Map<String, String> commLogRow(SplittableRandom rnd, int i, String prefix) {
    Department from = Department.ALL.get(weighted(rnd, Department.ALL.stream().mapToDouble(Department::share).toArray()));
    Department to = pick(rnd, Department.ALL);
    boolean flagged = rnd.nextDouble() < from.misinformationRate();
    String outcome = flagged ? (rnd.nextBoolean() ? "misunderstood" : "wrong_information")
        : (rnd.nextDouble() < 0.9 ? "understood" : "clarification_needed");
    String category = null;
    if (flagged || outcome.equals("clarification_needed")) {
      double x = rnd.nextDouble() + (from.code().equals("IT") ? 0.3 : 0);
      category = x < 0.5 ? "process" : x < 0.8 ? "skill" : "tool";
    }
    Map<String, String> row = new LinkedHashMap<>();
    row.put("log_id", prefix + (month.getYear() * 100 + month.getMonthValue()) + String.format("%07d", i));
    row.put("logged_at", local(randomMoment(rnd, month.lengthOfMonth())));
    row.put("from_department", from.code());
    row.put("to_department", to.code());
    row.put("channel", pick(rnd, LOG_CHANNELS));
    row.put("topic", pick(rnd, TOPICS));
    row.put("outcome", outcome);
    row.put("misinformation_flag", String.valueOf(flagged));
    row.put("problem_category", category);
    return row;
  }

  // ---- channel experiments -----------------------------------------------------------------

  /** Experiment with a real effect: WeCom beats e-mail on acknowledgement. */
  static final String EXPERIMENT_WITH_EFFECT = "EXP-ACK-WECOM";
  /** Experiment without effect: digest format does not matter. */
  static final String EXPERIMENT_WITHOUT_EFFECT = "EXP-DIGEST-FORMAT";

  private void channelExperiments() {
    SplittableRandom rnd = random("channel_experiments");
    int perExperiment = count(100_000, 200);
    try (SourceWriter w = writer("channel_experiments", "channel_experiments.csv")) {
      int unit = 0;
      for (String experiment : List.of(EXPERIMENT_WITH_EFFECT, EXPERIMENT_WITHOUT_EFFECT)) {
        boolean effect = experiment.equals(EXPERIMENT_WITH_EFFECT);
        String treatment = effect ? "wecom" : "bullet_digest";
        for (int i = 0; i < perExperiment; i++) {
          boolean treated = rnd.nextBoolean();
          double habit = logNormal(rnd, 20, 0.6);
          double hours = habit * (treated && effect ? 0.8 : 1.0) * Math.exp(0.5 * gaussian(rnd));
          double ackProbability = (treated && effect ? 0.68 : 0.62);
          int clarity = (int) Math.max(1, Math.min(5, Math.round(3.4 + (treated && effect ? 0.25 : 0) + gaussian(rnd))));
          Map<String, String> row = new LinkedHashMap<>();
          row.put("experiment_id", experiment);
          row.put("unit_id", String.format("E%06d-%d", 1 + (unit++ % 999_999), unit / 999_999));
          row.put("variant", treated ? treatment : "control");
          row.put("split_weight", "0.5");
          row.put("assigned_at", local(randomMoment(rnd, Math.min(20, month.lengthOfMonth()))));
          row.put("acknowledged_48h", rnd.nextDouble() < ackProbability ? "1" : "0");
          row.put("hours_to_ack", String.format(java.util.Locale.ROOT, "%.2f", hours));
          row.put("clarity_rating", String.valueOf(clarity));
          row.put("pre_period_hours_to_ack", String.format(java.util.Locale.ROOT, "%.2f", habit * Math.exp(0.3 * gaussian(rnd))));
          w.write(row, rnd);
        }
      }
    }
  }

  // ---- customer follow-ups -----------------------------------------------------------------

  private static final List<String> SEGMENTS = List.of("key_account", "enterprise", "smb", "consumer");
  private static final double[] SEGMENT_WEIGHTS = {0.1, 0.25, 0.35, 0.3};
  private static final double[] SEGMENT_DONE = {0.97, 0.92, 0.85, 0.7};
  private static final double[] ISSUE_WEIGHTS = {0.3, 0.35, 0.35};

  private void followups() {
    SplittableRandom rnd = random("followups");
    int n = count(20_000, 80);
    try (SourceWriter w = writer("followups", "followups.csv")) {
      for (int i = 1; i <= n; i++) {
        int segment = weighted(rnd, SEGMENT_WEIGHTS);
        LocalDate planned = month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
        LocalDateTime done = null;
        if (rnd.nextDouble() < SEGMENT_DONE[segment]) {
          double daysLate = rnd.nextDouble() < 0.8 ? -rnd.nextInt(3) : 1 + logNormal(rnd, 5, 0.8);
          done = plusHours(planned.atTime(10, 0), daysLate * 24 + rnd.nextInt(8));
          if (done.isBefore(month.atDay(1).atStartOfDay())) {
            done = planned.atTime(10, 0);
          }
        }
        done = known(done);
        String issue = null;
        LocalDateTime improvement = null;
        if (done != null && rnd.nextDouble() < 0.35) {
          issue = CATEGORIES.get(weighted(rnd, ISSUE_WEIGHTS));
          if (rnd.nextDouble() < 0.6) {
            improvement = known(plusHours(done, logNormal(rnd, 24 * 6, 0.7)));
          }
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("followup_id", "F" + (month.getYear() * 100 + month.getMonthValue()) + String.format("%06d", i));
        row.put("customer_id", String.format("C%07d", 1 + rnd.nextInt(Math.max(100, n * 3))));
        row.put("segment", SEGMENTS.get(segment));
        row.put("cadence", segment == 0 ? "monthly" : "quarterly");
        row.put("planned_date", planned.toString());
        row.put("done_at", local(done));
        row.put("issue_category", issue);
        row.put("improvement_communicated_at", local(improvement));
        LocalDateTime updated = latest(planned.atStartOfDay(), done, improvement);
        row.put("updated_at", local(updated));
        w.write(row, rnd);
      }
    }
  }

  // ---- suggestion box ----------------------------------------------------------------------

  private static final List<String> SUGGESTION_CATEGORIES = List.of("process", "skill", "tool", "workplace", "other");
  private static final double[] SUGGESTION_CATEGORY_WEIGHTS = {0.35, 0.15, 0.25, 0.15, 0.1};

  private void suggestions() {
    SplittableRandom rnd = random("suggestions");
    int n = count(3_000, 60);
    double[] departmentShares = Department.ALL.stream().mapToDouble(Department::share).toArray();
    try (SourceWriter w = writer("suggestions", "suggestions.csv")) {
      for (int i = 1; i <= n; i++) {
        boolean online = rnd.nextDouble() < 0.75;
        // Offline slips are collected when the box is emptied, on Friday afternoons.
        LocalDateTime submitted = randomMoment(rnd, month.lengthOfMonth());
        if (!online) {
          LocalDate friday = submitted.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
          submitted = (friday.getMonth() == month.getMonth() ? friday : submitted.toLocalDate()).atTime(16, 0);
        }
        String department = rnd.nextDouble() < 0.6 ? Department.ALL.get(weighted(rnd, departmentShares)).code() : null;
        double outcome = rnd.nextDouble();
        String status = outcome < 0.3 ? "acted_on" : outcome < 0.5 ? "declined" : outcome < 0.8 ? "under_review" : "received";
        LocalDateTime response = status.equals("acted_on") || status.equals("declined")
            ? known(plusHours(submitted, 24 * logNormal(rnd, 9, 0.6))) : null;
        boolean rewarded = status.equals("acted_on") && rnd.nextDouble() < 0.4;
        Map<String, String> row = new LinkedHashMap<>();
        row.put("suggestion_id", "S" + (month.getYear() * 100 + month.getMonthValue()) + String.format("%05d", i));
        row.put("channel", online ? "online" : "offline");
        row.put("category", SUGGESTION_CATEGORIES.get(weighted(rnd, SUGGESTION_CATEGORY_WEIGHTS)));
        row.put("department", department);
        row.put("submitted_at", local(submitted));
        row.put("status", status);
        row.put("response_published_at", local(response));
        row.put("rewarded", String.valueOf(rewarded));
        row.put("updated_at", local(latest(submitted, response)));
        w.write(row, rnd);
      }
    }
  }

  // ---- writing -----------------------------------------------------------------------------

  private SourceWriter writer(String source, String fileName) {
    return new SourceWriter(source, fileName, StandardCharsets.UTF_8, dirtyRate);
  }

  /** Writes rows of one landing file in contract column order, injecting dirty rows at the given rate. */
  private final class SourceWriter implements AutoCloseable {
    private final TableContract contract;
    private final DirtyRows dirt;
    private final CsvFile csv;
    private final Writer jsonl;
    private final String source;
    private long written;

    SourceWriter(String source, String fileName, Charset charset, double rate) {
      this.source = source;
      this.contract = catalog.table("landing." + source);
      this.dirt = new DirtyRows(contract, rate);
      Path file = out.resolve(source).resolve(month.toString()).resolve(fileName);
      if (!wanted(source)) {
        // The rows are still drawn (other sources depend on them) but go nowhere.
        csv = null;
        jsonl = Writer.nullWriter();
        return;
      }
      try {
        Files.createDirectories(file.getParent());
        if ("jsonl".equals(contract.format())) {
          csv = null;
          jsonl = Files.newBufferedWriter(file, charset);
        } else {
          csv = new CsvFile(file, charset, contract.columnNames());
          jsonl = null;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void write(Map<String, String> row, SplittableRandom rnd) {
      for (ColumnSpec column : contract.columns()) {
        if (!row.containsKey(column.name())) {
          throw new IllegalStateException("generator lacks " + contract.qualifiedName() + "." + column.name());
        }
      }
      for (DirtyRows.Line line : dirt.apply(row, rnd)) {
        if (line.raw() != null) {
          emitRaw(line.raw());
        } else {
          emit(line.fields());
        }
      }
    }

    private void emit(Map<String, String> row) {
      if (csv != null) {
        written++;
        csv.row(contract.columnNames().stream().map(row::get).toArray(String[]::new));
      } else {
        Map<String, Object> json = new LinkedHashMap<>();
        for (ColumnSpec column : contract.columns()) {
          String value = row.get(column.name());
          json.put(column.name(), column.type() == ColumnType.BOOLEAN && ("true".equals(value) || "false".equals(value))
              ? Boolean.valueOf(value) : value);
        }
        try {
          emitRaw(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    private void emitRaw(String line) {
      written++;
      if (csv != null) {
        csv.rawLine(line);
      } else {
        try {
          jsonl.write(line);
          jsonl.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    @Override
    public void close() {
      if (wanted(source)) {
        rowsWritten.merge(source, written, Long::sum);
      }
      if (csv != null) {
        csv.close();
      } else {
        try {
          jsonl.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
