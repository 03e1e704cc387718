package io.commpulse.report.model;

import io.commpulse.commlog.HotspotRow;
import io.commpulse.coverage.CoverageRow;
import io.commpulse.experiments.AbResultRow;
import io.commpulse.report.i18n.Formats;
import io.commpulse.report.i18n.Language;
import io.commpulse.report.i18n.Message;
import io.commpulse.report.i18n.Messages;
import io.commpulse.report.i18n.Vocabulary;
import io.commpulse.scorecard.KpiScorecardRow;
import io.commpulse.scorecard.KpiStatus;
import io.commpulse.social.SocialResponseRow;

/**
 * A fact worth a sentence in the report's summary; each kind knows how to say itself in either
 * language.
 */
public sealed interface Finding {
  String sentence(Messages m);

  /** How many KPIs with a target met it, are at risk, or missed it. */
  record Overview(int withTarget, int met, int atRisk, int missed) implements Finding {
    @Override
    public String sentence(Messages m) {
      return m.text(Message.SENTENCE_OVERVIEW, withTarget, met, atRisk, missed);
    }
  }

  /** A KPI against its target, with the breakdown that explains it. */
  record KpiResult(KpiScorecardRow kpi, Detail detail) implements Finding {
    @Override
    public String sentence(Messages m) {
      Formats f = m.fmt();
      String name = m.name(Vocabulary.KPI, kpi.kpi());
      String actual = f.value(kpi.unit(), kpi.actual());
      String ci =
          kpi.ciLow() == null || kpi.ciHigh() == null
              ? ""
              : m.text(Message.CI_FRAGMENT, f.interval(kpi.unit(), kpi.ciLow(), kpi.ciHigh()));
      String clause = detail == null ? "" : detail.clause(m);
      boolean trend = "trend_up".equals(kpi.comparator());
      String target = trend ? f.value(kpi.unit(), kpi.target()) : targetPhrase(f, kpi);
      Message template =
          switch (KpiStatus.of(kpi.status())) {
            case MET -> trend ? Message.SENTENCE_TREND_MET : Message.SENTENCE_MET;
            case AT_RISK -> trend ? Message.SENTENCE_TREND_AT_RISK : Message.SENTENCE_AT_RISK;
            case MISSED -> trend ? Message.SENTENCE_TREND_MISSED : Message.SENTENCE_MISSED;
            case NO_TARGET -> Message.SENTENCE_NO_TARGET;
          };
      return m.text(template, name, actual, ci, target, clause);
    }

    /** "95%", "24 h", "< 5%": the target as the sentence names it. */
    public static String targetPhrase(Formats f, KpiScorecardRow kpi) {
      String value = f.target(kpi.unit(), kpi.target());
      return "<".equals(kpi.comparator()) ? "< " + value : value;
    }
  }

  /** The most frequent problem category of each domain present (customer first). */
  record Hotspots(java.util.List<Top> tops) implements Finding {
    /** A domain's first-ranked category and the domain's total count. */
    public record Top(String domain, HotspotRow row, long domainTotal) {}

    @Override
    public String sentence(Messages m) {
      java.util.Locale locale = m.language().locale();
      StringBuilder parts = new StringBuilder();
      for (Top top : tops) {
        if (!parts.isEmpty()) {
          parts.append(m.text(Message.LIST_SEPARATOR));
        }
        HotspotRow row = top.row();
        String change =
            row.changeShare() == null
                ? ""
                : m.text(Message.HOTSPOT_CHANGE, m.fmt().signedShare(row.changeShare()));
        parts.append(
            m.text(
                Message.HOTSPOT_PART,
                m.name(Vocabulary.HOTSPOT_DOMAIN, top.domain()).toLowerCase(locale),
                m.name(Vocabulary.HOTSPOT_CATEGORY, row.category()).toLowerCase(locale),
                m.fmt().share(row.share()),
                m.fmt().count(top.domainTotal()),
                change));
      }
      String text = parts.toString();
      return m.text(
          Message.SENTENCE_HOTSPOTS, Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }
  }

  /** A variant that won a channel experiment. */
  record AbWinner(AbResultRow comparison) implements Finding {
    @Override
    public String sentence(Messages m) {
      AbResultRow c = comparison;
      return m.text(
          Message.SENTENCE_AB_WINNER,
          m.use(c.experimentId()),
          m.name(Vocabulary.CHANNEL, c.variant()),
          m.name(Vocabulary.CHANNEL, c.controlVariant()).toLowerCase(m.language().locale()),
          m.name(Vocabulary.AB_METRIC, c.metric()).toLowerCase(m.language().locale()),
          m.fmt().signedShare(c.relativeLift()),
          m.fmt().interval("share", c.relativeCiLower(), c.relativeCiUpper()));
    }
  }

  /** Experiments ran but none produced a trustworthy winner. */
  record AbNoWinner(int comparisons, int invalid) implements Finding {
    @Override
    public String sentence(Messages m) {
      return m.text(
          Message.SENTENCE_AB_NO_WINNER,
          comparisons,
          invalid == 0 ? "" : m.text(Message.AB_INVALID_COUNT, invalid));
    }
  }

  /** The part of a breakdown table that explains a KPI. */
  sealed interface Detail {
    String clause(Messages m);
  }

  record LowestDecision(CoverageRow decision) implements Detail {
    @Override
    public String clause(Messages m) {
      String title = m.language() == Language.ZH ? decision.titleZh() : decision.titleEn();
      return m.text(Message.DETAIL_LOWEST_DECISION, m.use(title), m.fmt().share(decision.share()));
    }
  }

  record HighestDepartment(String department, Double rate) implements Detail {
    @Override
    public String clause(Messages m) {
      return m.text(
          Message.DETAIL_HIGHEST_DEPARTMENT, m.department(department), m.fmt().share(rate));
    }
  }

  record LowestPlatform(SocialResponseRow platform) implements Detail {
    @Override
    public String clause(Messages m) {
      return m.text(
          Message.DETAIL_LOWEST_PLATFORM,
          m.name(Vocabulary.PLATFORM, platform.platform()),
          m.fmt().share(platform.replied24hShare()));
    }
  }

  record AnsweredWithin24h(Double share) implements Detail {
    @Override
    public String clause(Messages m) {
      return m.text(Message.DETAIL_WITHIN_24H, m.fmt().share(share));
    }
  }

  record LowestDepartment(String department, String unit, Double value) implements Detail {
    @Override
    public String clause(Messages m) {
      return m.text(
          Message.DETAIL_LOWEST_DEPARTMENT, m.department(department), m.fmt().value(unit, value));
    }
  }

  static int severity(KpiStatus status) {
    return switch (status) {
      case MISSED -> 0;
      case AT_RISK -> 1;
      case MET -> 2;
      case NO_TARGET -> 3;
    };
  }
}
