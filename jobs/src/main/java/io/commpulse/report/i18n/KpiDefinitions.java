package io.commpulse.report.i18n;

import io.commpulse.schema.KpiRegistry;
import io.commpulse.schema.SchemaCatalog;
import java.util.List;

/**
 * The KPI table of the communication strategy, as printed in the report's appendix, from {@code
 * schemas/kpis.json}.
 */
public final class KpiDefinitions {
  /** A KPI's name, what it measures and its target, worded for the reader. */
  public record Definition(Bilingual name, Bilingual definition, Bilingual target) {}

  public static final List<Definition> ALL =
      SchemaCatalog.get().kpis().all().stream().map(KpiDefinitions::definition).toList();

  private KpiDefinitions() {}

  static Definition definition(KpiRegistry.Kpi kpi) {
    return new Definition(
        Bilingual.of(kpi.name()),
        Bilingual.of(kpi.definition()),
        new Bilingual(targetWording(kpi, Language.EN), targetWording(kpi, Language.ZH)));
  }

  /** The wording with {@code {target}} replaced by the target in the KPI's unit ("95%", "24 h"). */
  static String targetWording(KpiRegistry.Kpi kpi, Language language) {
    String wording = language == Language.ZH ? kpi.targetWording().zh() : kpi.targetWording().en();
    return kpi.target() == null
        ? wording
        : wording.replace(
            KpiRegistry.TARGET_PLACEHOLDER, new Formats(language).target(kpi.unit(), kpi.target()));
  }
}
